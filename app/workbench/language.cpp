#include "app/workbench/language.h"

#include <QApplication>
#include <QFont>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include "core/util/log.h"

namespace edgewise::gui {

LanguageManager::LanguageManager() = default;
LanguageManager::~LanguageManager() {
  removeTranslators();
}

QStringList LanguageManager::available() {
  return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

QString LanguageManager::nativeName(const QString& code) {
  // Language names are shown in their own language so a user can always find theirs.
  if (code == QLatin1String("de")) return QStringLiteral("Deutsch");
  if (code == QLatin1String("zh_CN")) return QStringLiteral("简体中文");
  return QStringLiteral("English");
}

void LanguageManager::removeTranslators() {
  if (m_app) QCoreApplication::removeTranslator(m_app.get());
  if (m_qt) QCoreApplication::removeTranslator(m_qt.get());
  m_app.reset();
  m_qt.reset();
}

bool LanguageManager::setLanguage(const QString& code) {
  if (!available().contains(code)) {
    qCWarning(lcGui) << "unknown language" << code;
    return false;
  }
  auto app = std::make_unique<QTranslator>();
  auto qt = std::make_unique<QTranslator>();
  if (code != QLatin1String("en")) {
    if (!app->load(u":/i18n/edgewise_" + code)) {
      qCWarning(lcGui) << "translation catalogue missing for" << code;
      return false;
    }
    // Qt's own strings (standard buttons, file dialogs); optional, so a miss is only logged.
    if (!qt->load(u"qtbase_" + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
      qCInfo(lcGui) << "no Qt translation for" << code;
      qt.reset();
    }
  } else {
    qt.reset();
    // English needs a catalogue for plural forms only ("%n test samples" -> "1 test sample").
    if (!app->load(QStringLiteral(":/i18n/edgewise_en"))) {
      qCInfo(lcGui) << "no English plural forms catalogue";
      app.reset();
    }
  }
  removeTranslators();
  if (app) {
    QCoreApplication::installTranslator(app.get());
    m_app = std::move(app);
    if (qt) {
      QCoreApplication::installTranslator(qt.get());
      m_qt = std::move(qt);
    }
  } else {
    // Removing the translators alone sends no event when none was installed; widgets that
    // were built in another language still need to hear about the switch back.
    QEvent event(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
  }
  m_language = code;
  QLocale::setDefault(QLocale(code == QLatin1String("en") ? QStringLiteral("en_US") : code));

  if (auto* gui = qobject_cast<QApplication*>(QCoreApplication::instance())) {
    // Prefer a CJK face for Chinese so Han glyphs come from one consistent font instead of
    // whatever fontconfig happens to pick glyph by glyph.
    QFont font = QApplication::font();
    QStringList families = font.families();
    if (families.isEmpty()) families << font.family();
    families.removeAll(QStringLiteral("Noto Sans CJK SC"));
    if (code == QLatin1String("zh_CN")) {
      families.prepend(QStringLiteral("Noto Sans CJK SC"));
    }
    font.setFamilies(families);
    gui->setFont(font);
  }
  return true;
}

}  // namespace edgewise::gui
