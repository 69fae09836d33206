#pragma once
// The workbench window: one dock per registered pane, the project File menu, View (docks,
// theme, language, layout), Help, and a status bar with the project and broker state.

#include <QByteArray>
#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>
#include <vector>

#include "app/workbench/language.h"
#include "app/workbench/theme.h"

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QTimer;

namespace edgewise::gui {

class JobManager;
class StatusDot;
class Workspace;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  enum class MessageKind { Information, Warning, Error };
  // Where user-facing messages go; the default shows a message box. Tests and headless runs
  // install their own so nothing blocks on a modal dialog.
  using MessageHandler =
      std::function<void(MessageKind kind, const QString& title, const QString& text)>;

  // languageOverride ("de", ...): the language for this run instead of the saved one (not
  // saved unless the user picks a language from the menu). Panes are built in it directly.
  explicit MainWindow(Workspace& workspace, QWidget* parent = nullptr,
                      const QString& languageOverride = {});
  ~MainWindow() override;

  void setMessageHandler(MessageHandler handler);

  // Opens a project; on failure tells the user why and keeps the current one.
  bool openProject(const QString& path, bool createIfMissing = false);
  void closeProject();

  void setTheme(Theme theme);  // applies and remembers it
  Theme theme() const { return m_theme; }
  bool setLanguage(const QString& code);  // "en", "de", "zh_CN"; applies and remembers it
  QString language() const { return m_languages.language(); }

  QStringList recentProjects() const { return m_recent; }
  void resetLayout();

  QDockWidget* dock(const QString& paneId) const;
  // Shows the pane's dock (floating or tabbed) and raises it above its tab siblings; false
  // for an unknown id. widthShare > 0 also gives a left or right dock that share of the
  // window's width (edgewise --show-pane, for screenshots of one pane).
  bool showPane(const QString& paneId, double widthShare = 0.0);
  QStringList paneIds() const;
  std::vector<QDockWidget*> docks() const;
  JobManager& jobManager() { return *m_jobs; }
  QString brokerStatusText() const;

  void saveSettings() const;

 protected:
  void changeEvent(QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  struct PaneDock {
    QString id;
    std::function<QString()> title;
    Qt::DockWidgetArea area;
    QDockWidget* dock;
  };

  void createActions();
  void createMenus();
  void createDocks();
  void createStatusBar();
  void restoreSettings();
  void applyDefaultLayout();
  void applyDefaultSizes();  // needs a shown window: dock sizes before that are ignored
  void retranslateUi();
  void updateTitle();
  void updateRecentMenu();
  void pollConnection();
  void addRecent(const QString& path);
  void openRecent(const QString& path);
  void newProjectDialog();
  void openProjectDialog();
  void showAbout();
  void report(MessageKind kind, const QString& title, const QString& text);

  Workspace& m_workspace;
  std::unique_ptr<JobManager> m_jobs;  // before the docks: the Jobs pane binds to it
  LanguageManager m_languages;
  Theme m_theme = Theme::Light;
  QStringList m_recent;
  MessageHandler m_messageHandler;
  std::vector<PaneDock> m_docks;

  QMenu* m_fileMenu = nullptr;
  QMenu* m_recentMenu = nullptr;
  QMenu* m_viewMenu = nullptr;
  QMenu* m_panesMenu = nullptr;
  QMenu* m_themeMenu = nullptr;
  QMenu* m_languageMenu = nullptr;
  QMenu* m_helpMenu = nullptr;
  QAction* m_newAction = nullptr;
  QAction* m_openAction = nullptr;
  QAction* m_importDatasetAction = nullptr;
  QAction* m_closeAction = nullptr;
  QAction* m_quitAction = nullptr;
  QAction* m_clearRecentAction = nullptr;
  QAction* m_lightAction = nullptr;
  QAction* m_darkAction = nullptr;
  QAction* m_resetLayoutAction = nullptr;
  QAction* m_aboutAction = nullptr;
  QAction* m_aboutQtAction = nullptr;
  QActionGroup* m_languageGroup = nullptr;

  QLabel* m_projectLabel = nullptr;
  StatusDot* m_brokerStatus = nullptr;
  QTimer* m_pollTimer = nullptr;
  int m_lastState = -1;
  bool m_layoutRestored = false;
  bool m_shownOnce = false;
  QString m_savedLanguage;  // what the settings hold; a --lang override is not saved
};

}  // namespace edgewise::gui
