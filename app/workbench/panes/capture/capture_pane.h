#pragma once
// The Capture pane: broker connection, topic tree (+ quarantine), live plots, camera
// thumbnails, recording and the recordings list. registerCapturePane() adds its factory to
// the PaneRegistry (id "capture").

#include <QWidget>

class QScrollArea;
class QTabWidget;
class QTimer;

namespace edgewise::gui {

class Workspace;
class ConnectionBar;
class TopicBrowser;
class QuarantineView;
class LivePlotWidget;
class ThumbnailStrip;
class RecordingPanel;

void registerCapturePane();

class CapturePane : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kRefreshIntervalMs = 33;  // 30 Hz: plots and thumbnails
  static constexpr int kTreeEveryTicks = 8;      // ~4 Hz: tree and counters

  explicit CapturePane(Workspace& workspace, QWidget* parent = nullptr);
  ~CapturePane() override;

  // One full refresh now (tree, plots, thumbnails, counters, quarantine); for tests.
  void pollNow();

  ConnectionBar* connectionBar() const { return m_connection; }
  TopicBrowser* topicBrowser() const { return m_topics; }
  QuarantineView* quarantineView() const { return m_quarantine; }
  LivePlotWidget* livePlot() const { return m_plot; }
  ThumbnailStrip* thumbnails() const { return m_thumbnails; }
  RecordingPanel* recordingPanel() const { return m_recording; }

 private:
  void tick();
  void refreshSlow();
  void onProjectChanged();
  void updateThumbnailVisibility();
  void changeEvent(QEvent* event) override;

  Workspace& m_workspace;
  ConnectionBar* m_connection = nullptr;
  TopicBrowser* m_topics = nullptr;
  QuarantineView* m_quarantine = nullptr;
  QTabWidget* m_leftTabs = nullptr;
  LivePlotWidget* m_plot = nullptr;
  ThumbnailStrip* m_thumbnails = nullptr;
  QScrollArea* m_thumbnailArea = nullptr;
  RecordingPanel* m_recording = nullptr;
  QTimer* m_timer = nullptr;
  int m_tick = 0;
  int64_t m_lastQuarantined = -1;
};

}  // namespace edgewise::gui
