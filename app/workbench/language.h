#pragma once
// Run-time language switching: installs the workbench's and Qt's own translators; Qt then
// sends QEvent::LanguageChange to every widget, which retranslates itself.
#include <QString>
#include <QStringList>
#include <memory>

class QTranslator;

namespace edgewise::gui {

class LanguageManager {
 public:
  LanguageManager();
  ~LanguageManager();

  static QStringList available();                  // "en", "de", "zh_CN"
  static QString nativeName(const QString& code);  // "English", "Deutsch", "简体中文"

  // Returns false (and keeps English) when the code is unknown or its catalogue is missing.
  bool setLanguage(const QString& code);
  QString language() const { return m_language; }

 private:
  void removeTranslators();

  QString m_language = QStringLiteral("en");
  std::unique_ptr<QTranslator> m_app;
  std::unique_ptr<QTranslator> m_qt;
};

}  // namespace edgewise::gui
