#include "app/workbench/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>
#include <map>

#include "app/workbench/about.h"
#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/pane_factory.h"
#include "app/workbench/panes/datasets/import_dataset_dialog.h"
#include "app/workbench/recent_projects.h"
#include "app/workbench/tr.h"
#include "app/workbench/widgets/status_dot.h"
#include "app/workbench/workspace.h"
#include "core/util/log.h"

namespace edgewise::gui {

namespace {
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kThemeKey = QStringLiteral("ui/theme");
const QString kLanguageKey = QStringLiteral("ui/language");
constexpr int kLayoutVersion = 1;  // bump when the set of docks changes incompatibly
const QString kProjectSuffix = QStringLiteral("edgewise");
}  // namespace

MainWindow::MainWindow(Workspace& workspace, QWidget* parent, const QString& languageOverride)
    : QMainWindow(parent), m_workspace(workspace), m_jobs(std::make_unique<JobManager>()) {
  setObjectName(QStringLiteral("mainWindow"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/edgewise.svg")));
  setDockNestingEnabled(true);
  setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks |
                 QMainWindow::AllowNestedDocks | QMainWindow::GroupedDragging);
  setTabPosition(Qt::AllDockWidgetAreas, QTabWidget::North);
  // Default size: roomy, but never larger than the screen (the saved geometry wins later).
  QSize size(1600, 1000);
  if (QScreen* screen = QGuiApplication::primaryScreen()) {
    size = size.boundedTo(screen->availableSize());
  }
  resize(size);

  // The language comes first so that panes are built in it rather than retranslated.
  m_savedLanguage = QSettings().value(kLanguageKey, QStringLiteral("en")).toString();
  const QString language = languageOverride.isEmpty() ? m_savedLanguage : languageOverride;
  if (language != QLatin1String("en") && !m_languages.setLanguage(language)) {
    qCWarning(lcGui) << "language" << language << "is not available; using English";
  }

  createActions();
  createDocks();
  createMenus();
  createStatusBar();
  applyDefaultLayout();
  restoreSettings();
  retranslateUi();

  connect(&m_workspace, &Workspace::projectChanged, this, &MainWindow::updateTitle);
  connect(&m_workspace, &Workspace::statusMessage, this,
          [this](const QString& message, int timeoutMs) {
            statusBar()->showMessage(message, timeoutMs);
          });
}

MainWindow::~MainWindow() {
  // Panes may own jobs' consumers; stop the work before the widgets go.
  m_jobs->cancelAll();
}

void MainWindow::setMessageHandler(MessageHandler handler) {
  m_messageHandler = std::move(handler);
}

void MainWindow::report(MessageKind kind, const QString& title, const QString& text) {
  if (m_messageHandler) {
    m_messageHandler(kind, title, text);
    return;
  }
  switch (kind) {
    case MessageKind::Information:
      QMessageBox::information(this, title, text);
      break;
    case MessageKind::Warning:
      QMessageBox::warning(this, title, text);
      break;
    case MessageKind::Error:
      QMessageBox::critical(this, title, text);
      break;
  }
}

// ---------------------------------------------------------------------------------------
// Construction

void MainWindow::createActions() {
  m_newAction = new QAction(this);
  m_newAction->setShortcut(QKeySequence::New);
  m_newAction->setIcon(QIcon::fromTheme(QStringLiteral("document-new")));
  connect(m_newAction, &QAction::triggered, this, &MainWindow::newProjectDialog);

  m_openAction = new QAction(this);
  m_openAction->setShortcut(QKeySequence::Open);
  m_openAction->setIcon(QIcon::fromTheme(QStringLiteral("document-open")));
  connect(m_openAction, &QAction::triggered, this, &MainWindow::openProjectDialog);

  m_importDatasetAction = new QAction(this);
  m_importDatasetAction->setObjectName(QStringLiteral("importDatasetAction"));
  m_importDatasetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
  connect(m_importDatasetAction, &QAction::triggered, this, [this] {
    auto* dialog = new ImportDatasetDialog(m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
  });

  m_closeAction = new QAction(this);
  m_closeAction->setShortcut(QKeySequence::Close);
  connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeProject);

  m_quitAction = new QAction(this);
  m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
  m_quitAction->setMenuRole(QAction::QuitRole);
  connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

  m_clearRecentAction = new QAction(this);
  connect(m_clearRecentAction, &QAction::triggered, this, [this] {
    m_recent.clear();
    RecentProjects::save(m_recent);
    updateRecentMenu();
  });

  auto* themes = new QActionGroup(this);
  m_lightAction = themes->addAction(QString());
  m_darkAction = themes->addAction(QString());
  m_lightAction->setCheckable(true);
  m_darkAction->setCheckable(true);
  m_lightAction->setChecked(true);
  connect(m_lightAction, &QAction::triggered, this, [this] { setTheme(Theme::Light); });
  connect(m_darkAction, &QAction::triggered, this, [this] { setTheme(Theme::Dark); });

  m_languageGroup = new QActionGroup(this);
  for (const QString& code : LanguageManager::available()) {
    QAction* action = m_languageGroup->addAction(LanguageManager::nativeName(code));
    action->setCheckable(true);
    action->setData(code);
    action->setChecked(code == QLatin1String("en"));
    connect(action, &QAction::triggered, this, [this, code] { setLanguage(code); });
  }

  m_resetLayoutAction = new QAction(this);
  connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);

  m_aboutAction = new QAction(this);
  m_aboutAction->setMenuRole(QAction::AboutRole);
  connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
  m_aboutQtAction = new QAction(this);
  m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
  connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createDocks() {
  int shortcut = 0;
  for (const PaneFactory& factory : PaneRegistry::all()) {
    auto* dock = new QDockWidget(this);
    dock->setObjectName(u"dock_" + factory.id);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                      QDockWidget::DockWidgetFloatable);
    QWidget* pane = factory.create ? factory.create(m_workspace, dock) : nullptr;
    if (!pane) {
      qCWarning(lcGui) << "pane" << factory.id << "created no widget";
      pane = new QWidget(dock);
    }
    dock->setWidget(pane);
    // Ctrl+1 .. Ctrl+9 toggle the first nine panes in View-menu order.
    if (shortcut < 9) {
      dock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + shortcut)));
      ++shortcut;
    }
    m_docks.push_back({factory.id, factory.title, factory.area, dock});
  }
}

void MainWindow::createMenus() {
  m_fileMenu = menuBar()->addMenu(QString());
  m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
  m_fileMenu->addAction(m_newAction);
  m_fileMenu->addAction(m_openAction);
  m_recentMenu = m_fileMenu->addMenu(QString());
  m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
  m_fileMenu->addAction(m_importDatasetAction);
  m_fileMenu->addAction(m_closeAction);
  m_fileMenu->addSeparator();
  m_fileMenu->addAction(m_quitAction);

  m_viewMenu = menuBar()->addMenu(QString());
  m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
  m_panesMenu = m_viewMenu;
  for (const PaneDock& pane : m_docks) m_viewMenu->addAction(pane.dock->toggleViewAction());
  m_viewMenu->addSeparator();
  m_themeMenu = m_viewMenu->addMenu(QString());
  m_themeMenu->addAction(m_lightAction);
  m_themeMenu->addAction(m_darkAction);
  m_languageMenu = m_viewMenu->addMenu(QString());
  m_languageMenu->addActions(m_languageGroup->actions());
  m_viewMenu->addSeparator();
  m_viewMenu->addAction(m_resetLayoutAction);

  m_helpMenu = menuBar()->addMenu(QString());
  m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
  m_helpMenu->addAction(m_aboutAction);
  m_helpMenu->addAction(m_aboutQtAction);
}

void MainWindow::createStatusBar() {
  m_projectLabel = new QLabel(this);
  m_projectLabel->setObjectName(QStringLiteral("projectLabel"));
  m_projectLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_brokerStatus = new StatusDot(this);
  m_brokerStatus->setObjectName(QStringLiteral("brokerStatus"));
  statusBar()->addPermanentWidget(m_projectLabel);
  statusBar()->addPermanentWidget(m_brokerStatus);

  // The session reports state changes through queued signals, but polling at 4 Hz keeps the
  // indicator right even when a pane changed the connection between two signals.
  m_pollTimer = new QTimer(this);
  m_pollTimer->setInterval(250);
  connect(m_pollTimer, &QTimer::timeout, this, &MainWindow::pollConnection);
  m_pollTimer->start();
}

void MainWindow::applyDefaultLayout() {
  std::map<Qt::DockWidgetArea, QDockWidget*> firstInArea;
  for (const PaneDock& pane : m_docks) {
    pane.dock->setFloating(false);
    auto first = firstInArea.find(pane.area);
    if (first == firstInArea.end()) {
      addDockWidget(pane.area, pane.dock);
      firstInArea.emplace(pane.area, pane.dock);
    } else {
      addDockWidget(pane.area, pane.dock);
      tabifyDockWidget(first->second, pane.dock);
    }
    pane.dock->show();
  }
  for (const auto& [area, dock] : firstInArea) dock->raise();
  if (m_shownOnce) applyDefaultSizes();
}

void MainWindow::applyDefaultSizes() {
  // Tab bars of tabified docks are created lazily by the layout; short pane names read
  // better whole, with scroll buttons when the area is narrow, than elided to "Tr...".
  for (QTabBar* tabs : findChildren<QTabBar*>(QString(), Qt::FindDirectChildrenOnly)) {
    tabs->setElideMode(Qt::ElideNone);
    tabs->setUsesScrollButtons(true);
  }
  QDockWidget* left = nullptr;
  QDockWidget* right = nullptr;
  QDockWidget* bottom = nullptr;
  for (const PaneDock& pane : m_docks) {
    if (pane.dock->isFloating() || pane.dock->isHidden()) continue;
    const Qt::DockWidgetArea area = dockWidgetArea(pane.dock);
    if (area == Qt::LeftDockWidgetArea && !left) left = pane.dock;
    if (area == Qt::RightDockWidgetArea && !right) right = pane.dock;
    if (area == Qt::BottomDockWidgetArea && !bottom) bottom = pane.dock;
  }
  // Capture (left) is where a session starts and gets the room; the stage panes on the right
  // need just enough width for their tab bar and text.
  if (left && right) {
    const int rightWidth = std::max(400, width() * 26 / 100);
    resizeDocks({left, right}, {width() - rightWidth, rightWidth}, Qt::Horizontal);
  }
  if (bottom) {
    // Sizing the bottom dock alone is not enough without a central widget: the areas above
    // keep their share unless they are sized in the same call.
    // Jobs: a few rows are enough at first; the live plots above need the height.
    const int bottomHeight = std::max(150, height() * 16 / 100);
    QList<QDockWidget*> column{bottom};
    QList<int> heights{bottomHeight};
    for (QDockWidget* top : {left, right}) {
      if (!top) continue;
      column.prepend(top);
      heights.prepend(height() - bottomHeight);
    }
    resizeDocks(column, heights, Qt::Vertical);
  }
}

void MainWindow::resetLayout() {
  applyDefaultLayout();
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (m_shownOnce) return;
  m_shownOnce = true;
  // A saved layout wins; otherwise size the docks once the window has its real size.
  if (!m_layoutRestored) QTimer::singleShot(0, this, &MainWindow::applyDefaultSizes);
}

// ---------------------------------------------------------------------------------------
// Settings

void MainWindow::restoreSettings() {
  QSettings settings;
  m_recent = RecentProjects::load();
  updateRecentMenu();

  setTheme(themeFromKey(settings.value(kThemeKey, themeKey(Theme::Light)).toString()));
  for (QAction* action : m_languageGroup->actions()) {
    action->setChecked(action->data().toString() == m_languages.language());
  }

  const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
  if (!geometry.isEmpty()) restoreGeometry(geometry);
  const QByteArray state = settings.value(kStateKey).toByteArray();
  // A layout saved by a build with other docks restores what it can; the version guards
  // against layouts whose meaning changed.
  m_layoutRestored = !state.isEmpty() && restoreState(state, kLayoutVersion);
}

void MainWindow::saveSettings() const {
  QSettings settings;
  settings.setValue(kGeometryKey, saveGeometry());
  settings.setValue(kStateKey, saveState(kLayoutVersion));
  settings.setValue(kThemeKey, themeKey(m_theme));
  settings.setValue(kLanguageKey, m_savedLanguage);
  RecentProjects::save(m_recent);
}

void MainWindow::setTheme(Theme theme) {
  m_theme = theme;
  applyTheme(theme);
  (theme == Theme::Dark ? m_darkAction : m_lightAction)->setChecked(true);
  QSettings().setValue(kThemeKey, themeKey(theme));
}

bool MainWindow::setLanguage(const QString& code) {
  if (!m_languages.setLanguage(code)) {
    report(MessageKind::Warning, Tr::tr("Language"),
           Tr::tr("The language \"%1\" is not available in this build.").arg(code));
    return false;
  }
  for (QAction* action : m_languageGroup->actions()) {
    action->setChecked(action->data().toString() == code);
  }
  m_savedLanguage = code;
  QSettings().setValue(kLanguageKey, code);
  // The translators post LanguageChange events; retranslating now as well means callers
  // (and tests) see the new texts without spinning the event loop first.
  retranslateUi();
  return true;
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  saveSettings();
  m_jobs->cancelAll();
  QMainWindow::closeEvent(event);
}

// ---------------------------------------------------------------------------------------
// Projects

bool MainWindow::openProject(const QString& path, bool createIfMissing) {
  Result<void> opened = m_workspace.openProject(path, createIfMissing);
  if (!opened.ok()) {
    const QString current = m_workspace.projectPath();
    QString text = Tr::tr("Edgewise could not open %1.").arg(QDir::toNativeSeparators(path)) +
                   u"\n\n" + QString::fromStdString(opened.error().toString());
    if (!current.isEmpty()) {
      text += u"\n\n" + Tr::tr("%1 stays open.").arg(QDir::toNativeSeparators(current));
    }
    qCWarning(lcGui) << "opening" << path
                     << "failed:" << QString::fromStdString(opened.error().toString());
    report(MessageKind::Error, Tr::tr("Could Not Open Project"), text);
    return false;
  }
  addRecent(m_workspace.projectPath());
  updateTitle();
  return true;
}

void MainWindow::closeProject() {
  m_workspace.closeProject();
  updateTitle();
}

void MainWindow::addRecent(const QString& path) {
  m_recent = RecentProjects::add(m_recent, path);
  RecentProjects::save(m_recent);
  updateRecentMenu();
}

void MainWindow::openRecent(const QString& path) {
  if (!QFileInfo::exists(path)) {
    m_recent = RecentProjects::remove(m_recent, path);
    RecentProjects::save(m_recent);
    updateRecentMenu();
    report(MessageKind::Information, Tr::tr("Project Not Found"),
           Tr::tr("%1 no longer exists. It was removed from the list of recent projects.")
               .arg(QDir::toNativeSeparators(path)));
    return;
  }
  openProject(path, false);
}

void MainWindow::newProjectDialog() {
  QString path =
      QFileDialog::getSaveFileName(this, Tr::tr("New Project"), QDir::homePath(),
                                   Tr::tr("Edgewise projects (*.%1)").arg(kProjectSuffix));
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix() != kProjectSuffix) path += u'.' + kProjectSuffix;
  if (QFileInfo(path).absoluteFilePath() == m_workspace.projectPath()) {
    report(MessageKind::Warning, Tr::tr("New Project"),
           Tr::tr("%1 is the project that is open now. Choose another file name.")
               .arg(QDir::toNativeSeparators(path)));
    return;
  }
  if (QFileInfo::exists(path)) {
    // The dialog already asked whether to replace the file; a new project starts empty.
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
      QFile::remove(path + suffix);
    }
  }
  openProject(path, true);
}

void MainWindow::openProjectDialog() {
  const QString start =
      m_recent.isEmpty() ? QDir::homePath() : QFileInfo(m_recent.first()).absolutePath();
  const QString path = QFileDialog::getOpenFileName(
      this, Tr::tr("Open Project"), start,
      Tr::tr("Edgewise projects (*.%1)").arg(kProjectSuffix) + u";;" + Tr::tr("All files (*)"));
  if (!path.isEmpty()) openProject(path, false);
}

void MainWindow::showAbout() {
  QMessageBox box(this);
  box.setWindowTitle(Tr::tr("About Edgewise"));
  box.setIconPixmap(QIcon(QStringLiteral(":/icons/edgewise.svg")).pixmap(64, 64));
  box.setTextFormat(Qt::RichText);
  box.setText(aboutText());
  box.exec();
}

// ---------------------------------------------------------------------------------------
// Presentation

QDockWidget* MainWindow::dock(const QString& paneId) const {
  for (const PaneDock& pane : m_docks) {
    if (pane.id == paneId) return pane.dock;
  }
  return nullptr;
}

bool MainWindow::showPane(const QString& paneId, double widthShare) {
  QDockWidget* target = dock(paneId);
  if (!target) return false;
  target->show();
  target->raise();
  const Qt::DockWidgetArea area = dockWidgetArea(target);
  if (widthShare > 0 && !target->isFloating() &&
      (area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea)) {
    resizeDocks({target}, {static_cast<int>(width() * std::min(widthShare, 0.95))}, Qt::Horizontal);
  }
  return true;
}

QStringList MainWindow::paneIds() const {
  QStringList ids;
  for (const PaneDock& pane : m_docks) ids << pane.id;
  return ids;
}

std::vector<QDockWidget*> MainWindow::docks() const {
  std::vector<QDockWidget*> out;
  for (const PaneDock& pane : m_docks) out.push_back(pane.dock);
  return out;
}

void MainWindow::updateRecentMenu() {
  m_recentMenu->clear();
  int n = 1;
  for (const QString& path : m_recent) {
    const QString label = (n < 10 ? u"&" + QString::number(n) + u"  " : QString()) +
                          QFileInfo(path).fileName() + u"   " +
                          QDir::toNativeSeparators(QFileInfo(path).absolutePath());
    QAction* action = m_recentMenu->addAction(label);
    action->setData(path);
    action->setToolTip(path);
    connect(action, &QAction::triggered, this, [this, path] { openRecent(path); });
    ++n;
  }
  if (!m_recent.isEmpty()) m_recentMenu->addSeparator();
  m_recentMenu->addAction(m_clearRecentAction);
  m_clearRecentAction->setEnabled(!m_recent.isEmpty());
  m_recentMenu->setEnabled(true);
}

void MainWindow::updateTitle() {
  const QString path = m_workspace.projectPath();
  if (path.isEmpty()) {
    setWindowTitle(QStringLiteral("Edgewise"));
    m_projectLabel->setText(Tr::tr("No project open"));
    m_projectLabel->setToolTip(QString());
  } else {
    QString name = QFileInfo(path).completeBaseName();
    if (store::Project* project = m_workspace.project()) {
      auto stored = project->meta("name");
      if (stored.ok() && !stored.value().empty()) name = QString::fromStdString(stored.value());
    }
    setWindowTitle(name + QStringLiteral(" \u2014 Edgewise"));
    m_projectLabel->setText(QDir::toNativeSeparators(path));
    m_projectLabel->setToolTip(Tr::tr("The open project file"));
  }
  m_closeAction->setEnabled(!path.isEmpty());
  m_importDatasetAction->setEnabled(!path.isEmpty());
}

QString MainWindow::brokerStatusText() const {
  return m_brokerStatus->text();
}

void MainWindow::pollConnection() {
  const auto state = m_workspace.capture().state();
  if (static_cast<int>(state) == m_lastState) return;
  m_lastState = static_cast<int>(state);
  const auto settings = m_workspace.capture().settings();
  const QString broker =
      QString::fromStdString(settings.host) + u':' + QString::number(settings.port);
  switch (state) {
    case capture::ConnectionState::Disconnected:
      m_brokerStatus->setStatus(QColor(0x8a, 0x8f, 0x98), Tr::tr("Broker: not connected"));
      break;
    case capture::ConnectionState::Connecting:
      m_brokerStatus->setStatus(QColor(0xe0, 0xa4, 0x2e),
                                Tr::tr("Broker: connecting to %1").arg(broker));
      break;
    case capture::ConnectionState::Connected:
      m_brokerStatus->setStatus(QColor(0x2f, 0x9e, 0x5b),
                                Tr::tr("Broker: connected to %1").arg(broker));
      break;
    case capture::ConnectionState::Reconnecting:
      m_brokerStatus->setStatus(QColor(0xe0, 0xa4, 0x2e),
                                Tr::tr("Broker: reconnecting to %1").arg(broker));
      break;
    case capture::ConnectionState::Failed:
      m_brokerStatus->setStatus(QColor(0xd0, 0x3a, 0x3a),
                                Tr::tr("Broker: connection to %1 failed").arg(broker));
      break;
  }
}

void MainWindow::retranslateUi() {
  m_fileMenu->setTitle(Tr::tr("&File"));
  m_newAction->setText(Tr::tr("&New Project..."));
  m_openAction->setText(Tr::tr("&Open Project..."));
  m_recentMenu->setTitle(Tr::tr("Open &Recent"));
  m_clearRecentAction->setText(Tr::tr("Clear Menu"));
  m_importDatasetAction->setText(Tr::tr("&Import Dataset..."));
  m_closeAction->setText(Tr::tr("&Close Project"));
  m_quitAction->setText(Tr::tr("&Quit"));

  m_viewMenu->setTitle(Tr::tr("&View"));
  m_themeMenu->setTitle(Tr::tr("&Theme"));
  m_lightAction->setText(Tr::tr("Light"));
  m_darkAction->setText(Tr::tr("Dark"));
  m_languageMenu->setTitle(Tr::tr("&Language"));
  m_resetLayoutAction->setText(Tr::tr("Reset Layout"));

  m_helpMenu->setTitle(Tr::tr("&Help"));
  m_aboutAction->setText(Tr::tr("&About Edgewise"));
  m_aboutQtAction->setText(Tr::tr("About &Qt"));

  for (const PaneDock& pane : m_docks) {
    const QString title = pane.title ? pane.title() : pane.id;
    pane.dock->setWindowTitle(title);
    pane.dock->toggleViewAction()->setText(title);
  }
  m_lastState = -1;  // re-render the broker text in the new language
  pollConnection();
  updateTitle();
}

}  // namespace edgewise::gui
