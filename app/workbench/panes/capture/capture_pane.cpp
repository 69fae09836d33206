#include "app/workbench/panes/capture/capture_pane.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "app/workbench/pane_factory.h"
#include "app/workbench/panes/capture/capture_format.h"
#include "app/workbench/panes/capture/connection_bar.h"
#include "app/workbench/panes/capture/live_plot_widget.h"
#include "app/workbench/panes/capture/quarantine_view.h"
#include "app/workbench/panes/capture/recording_panel.h"
#include "app/workbench/panes/capture/thumbnail_strip.h"
#include "app/workbench/panes/capture/topic_browser.h"
#include "app/workbench/panes/capture/topic_tree_model.h"
#include "app/workbench/workspace.h"
#include "core/store/project.h"

namespace edgewise::gui {

void registerCapturePane() {
  PaneFactory factory;
  factory.id = QStringLiteral("capture");
  factory.title = [] { return CapturePane::tr("Capture"); };
  // The first screen of the lifecycle: it takes the most room.
  factory.area = Qt::LeftDockWidgetArea;
  factory.order = 0;
  factory.create = [](Workspace& workspace, QWidget* parent) -> QWidget* {
    return new CapturePane(workspace, parent);
  };
  PaneRegistry::add(std::move(factory));
}

CapturePane::CapturePane(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace) {
  setObjectName(QStringLiteral("capturePane"));
  capture::CaptureSession& session = workspace.capture();

  m_connection = new ConnectionBar(session, this);
  m_topics = new TopicBrowser(session, this);
  m_quarantine = new QuarantineView(this);
  m_leftTabs = new QTabWidget(this);
  m_leftTabs->setObjectName(QStringLiteral("captureLeftTabs"));
  m_leftTabs->addTab(m_topics, tr("Topics"));
  m_leftTabs->addTab(m_quarantine, tr("Quarantine"));

  m_plot = new LivePlotWidget(this);
  m_plot->setStreamSource([&session] { return session.liveBuffers(); });
  // The pane's timer drives the plot so tree, plot and thumbnails share one tick.
  m_plot->setRefreshIntervalMs(3600 * 1000);
  // One chart per device reads better than every channel of every device in one chart (an
  // IMU's az at 9.8 squashes the rest); the layout box switches back.
  m_plot->setLayoutMode(LivePlotWidget::LayoutMode::Stacked);

  m_thumbnails = new ThumbnailStrip(this);
  m_thumbnailArea = new QScrollArea(this);
  m_thumbnailArea->setWidget(m_thumbnails);
  m_thumbnailArea->setWidgetResizable(true);
  m_thumbnailArea->setFrameShape(QFrame::NoFrame);
  m_thumbnailArea->setMinimumHeight(96 + 16);  // one camera row without a scroll bar
  m_thumbnailArea->setMaximumHeight(2 * 96 + 16);
  m_thumbnailArea->hide();
  connect(m_thumbnails, &ThumbnailStrip::camerasChanged, this,
          &CapturePane::updateThumbnailVisibility);

  m_recording = new RecordingPanel(workspace, this);
  m_recording->setCheckedTopicsProvider([this] { return m_topics->model()->checkedTopics(); });

  auto* right = new QSplitter(Qt::Vertical, this);
  auto* plotBox = new QWidget(right);
  auto* plotLayout = new QVBoxLayout(plotBox);
  plotLayout->setContentsMargins(0, 0, 0, 0);
  plotLayout->addWidget(m_plot, 1);
  plotLayout->addWidget(m_thumbnailArea);
  right->addWidget(plotBox);
  right->addWidget(m_recording);
  right->setStretchFactor(0, 3);
  right->setStretchFactor(1, 1);
  right->setSizes({760, 200});  // plots first; a few rows of recordings below

  auto* main = new QSplitter(Qt::Horizontal, this);
  main->addWidget(m_leftTabs);
  main->addWidget(right);
  // The plots get the room; the tree keeps its topic, message and rate columns.
  main->setStretchFactor(0, 1);
  main->setStretchFactor(1, 3);
  main->setSizes({400, 1000});

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(m_connection);
  layout->addWidget(main, 1);

  auto forward = [this](const QString& message) {
    Q_EMIT m_workspace.statusMessage(message, 5000);
  };
  connect(m_connection, &ConnectionBar::statusMessage, this, forward);
  connect(m_topics, &TopicBrowser::statusMessage, this, forward);
  connect(m_recording, &RecordingPanel::statusMessage, this, forward);
  connect(m_topics, &TopicBrowser::plotRequested, this, [this](const QStringList& topics) {
    m_plot->setTopicFilter(topics);
    m_plot->pollNow();
  });
  connect(m_topics->model(), &TopicTreeModel::checkedTopicsChanged, this,
          [this] { m_plot->setTopicFilter(m_topics->model()->checkedTopics()); });
  connect(m_topics, &TopicBrowser::recordTopicRequested, this, [this](const QString& topic) {
    if (m_recording->isRecording()) {
      Q_EMIT m_workspace.statusMessage(tr("Stop the current recording first"), 5000);
      return;
    }
    (void)m_recording->startRecording({topic});
  });
  connect(&session, &capture::CaptureSession::errorOccurred, this, forward);
  connect(&workspace, &Workspace::projectChanged, this, &CapturePane::onProjectChanged);

  m_timer = new QTimer(this);
  m_timer->setInterval(kRefreshIntervalMs);
  connect(m_timer, &QTimer::timeout, this, &CapturePane::tick);
  m_timer->start();
  onProjectChanged();
}

CapturePane::~CapturePane() = default;

void CapturePane::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    m_leftTabs->setTabText(0, tr("Topics"));
    m_lastQuarantined = -1;  // rewrites the quarantine tab and totals in the new language
    refreshSlow();
  }
  QWidget::changeEvent(event);
}

void CapturePane::onProjectChanged() {
  // The workspace points the session's quarantine at the project; here only the views follow.
  m_lastQuarantined = -1;
  refreshSlow();
}

void CapturePane::tick() {
  m_plot->pollNow();
  if (m_thumbnails->poll(m_workspace.capture().liveBuffers())) updateThumbnailVisibility();
  if (++m_tick % kTreeEveryTicks == 0) refreshSlow();
}

void CapturePane::refreshSlow() {
  m_topics->refresh();
  m_recording->updateStats();
  const capture::SessionCounters counters = m_workspace.capture().counters();
  // Re-read the quarantine table only when the session quarantined something new.
  if (counters.quarantined != m_lastQuarantined) {
    m_lastQuarantined = counters.quarantined;
    m_quarantine->refresh(m_workspace.project(), counters.decodeErrors);
    const int64_t errors = counters.decodeErrors;
    m_leftTabs->setTabText(
        1, errors > 0 ? tr("Quarantine (%1)").arg(formatCount(errors)) : tr("Quarantine"));
  }
}

void CapturePane::pollNow() {
  tick();
  refreshSlow();
}

void CapturePane::updateThumbnailVisibility() {
  m_thumbnailArea->setVisible(m_thumbnails->cameraCount() > 0);
}

}  // namespace edgewise::gui
