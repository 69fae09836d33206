#include "app/workbench/panes/audit/live_drift_view.h"

#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

#include "app/workbench/panes/audit/audit_plots.h"
#include "app/workbench/panes/audit/drift_table_model.h"
#include "app/workbench/panes/audit/job_strip.h"
#include "app/workbench/widgets/qcustomplot_include.h"
#include "app/workbench/workspace.h"
#include "core/audit/model_reference.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"

namespace edgewise::gui {

std::optional<DriftAnalysis> liveDriftAnalysis(const audit::LiveDeviceState& device,
                                               const audit::FeatureTable& reference, double alpha,
                                               size_t windowRows) {
  const size_t cols = reference.columns();
  if (cols == 0 || device.featureNames.size() != cols) return std::nullopt;
  DriftAnalysis a;
  a.reference = reference;
  a.reference.names = device.featureNames;
  a.live.names = device.featureNames;
  a.live.rows = device.recentTsUs.size();
  a.live.values = device.recentRows;
  a.windowRows = windowRows;
  a.livePath = QString::fromStdString(device.device);
  if (device.lastReport) {
    a.report = *device.lastReport;
  } else {
    a.report.alpha = alpha;
    a.report.referenceRows = reference.rows;
    for (const std::string& n : device.featureNames) {
      audit::FeatureDrift f;
      f.feature = n;
      a.report.features.push_back(f);
    }
  }
  a.report.alpha = alpha;
  for (const audit::LiveWindowScore& w : device.windows) {
    DriftWindow dw;
    dw.rows = w.rows;
    dw.score = w.score;
    dw.featureScores = w.featureScores;
    dw.featureScores.resize(cols, 0.0);
    dw.alarm = w.alarm;
    a.timeline.push_back(std::move(dw));
  }
  return a;
}

LiveDriftView::LiveDriftView(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace) {
  setObjectName(QStringLiteral("auditLiveDriftView"));
  m_brokerLabel = new QLabel(this);
  m_broker = new QLineEdit(QStringLiteral("tcp://127.0.0.1:1883"), this);
  m_broker->setObjectName(QStringLiteral("liveDriftBroker"));
  m_recording = new QComboBox(this);
  m_recording->setObjectName(QStringLiteral("liveDriftRecording"));
  m_recording->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_replay = new QPushButton(this);
  m_replay->setObjectName(QStringLiteral("liveDriftReplay"));
  m_windowLabel = new QLabel(this);
  m_window = new QSpinBox(this);
  m_window->setObjectName(QStringLiteral("liveDriftWindow"));
  m_window->setRange(10, 100000);
  m_window->setSingleStep(50);
  m_window->setValue(200);
  m_alphaLabel = new QLabel(this);
  m_alpha = new QDoubleSpinBox(this);
  m_alpha->setObjectName(QStringLiteral("liveDriftAlpha"));
  m_alpha->setDecimals(4);
  m_alpha->setRange(0.0001, 0.2);
  m_alpha->setSingleStep(0.005);
  m_alpha->setValue(0.01);
  m_referenceLabel = new QLabel(this);
  m_reference = new QComboBox(this);
  m_reference->setObjectName(QStringLiteral("liveDriftReferenceMode"));
  m_reference->addItem(QString());  // the training data
  m_reference->addItem(QString());  // each device's first N predictions
  m_baseline = new QSpinBox(this);
  m_baseline->setObjectName(QStringLiteral("liveDriftBaselineRows"));
  m_baseline->setRange(20, 100000);
  m_baseline->setSingleStep(20);
  m_baseline->setValue(static_cast<int>(audit::kSuggestedBaselineRows));
  m_baseline->setEnabled(false);
  // Typing 150 passes 1 and 15: restart once the value rests.
  m_applyReference = new QTimer(this);
  m_applyReference->setSingleShot(true);
  m_applyReference->setInterval(600);
  m_job = new JobStrip(this);
  m_job->runButton()->setObjectName(QStringLiteral("liveDriftWatch"));
  m_stop = new QPushButton(this);
  m_stop->setObjectName(QStringLiteral("liveDriftStop"));
  m_stop->setEnabled(false);
  m_deviceLabel = new QLabel(this);
  m_device = new QComboBox(this);
  m_device->setObjectName(QStringLiteral("liveDriftDevice"));
  m_device->setMinimumContentsLength(14);
  m_summary = new QLabel(this);
  m_summary->setObjectName(QStringLiteral("liveDriftSummary"));
  m_summary->setWordWrap(true);
  m_injectLabel = new QLabel(this);
  m_injectKind = new QComboBox(this);
  m_injectKind->setObjectName(QStringLiteral("liveDriftInjectKind"));
  m_injectKind->addItem(QString(), QStringLiteral("bias"));
  m_injectKind->addItem(QString(), QStringLiteral("gain"));
  m_injectChannel = new QComboBox(this);
  m_injectChannel->setObjectName(QStringLiteral("liveDriftInjectChannel"));
  for (const char* c : {"ax", "ay", "az", "gx", "gy", "gz"})
    m_injectChannel->addItem(QString::fromLatin1(c));
  m_injectAmount = new QDoubleSpinBox(this);
  m_injectAmount->setObjectName(QStringLiteral("liveDriftInjectAmount"));
  m_injectAmount->setRange(-100.0, 100.0);
  m_injectAmount->setValue(2.0);
  m_inject = new QPushButton(this);
  m_inject->setObjectName(QStringLiteral("liveDriftInject"));
  m_clear = new QPushButton(this);
  m_clear->setObjectName(QStringLiteral("liveDriftClear"));
  m_label = new QPushButton(this);
  m_label->setObjectName(QStringLiteral("liveDriftLabel"));

  const DriftTableAndPlots parts = makeDriftTableAndPlots(this, QStringLiteral("liveDrift"));
  m_model_ = parts.model;
  m_proxy = parts.proxy;
  m_table = parts.table;
  m_histogram = parts.histogram;
  m_timeline = parts.timeline;

  auto* connectRow = new QHBoxLayout;
  connectRow->addWidget(m_brokerLabel);
  connectRow->addWidget(m_broker, 1);
  connectRow->addWidget(m_windowLabel);
  connectRow->addWidget(m_window);
  connectRow->addWidget(m_alphaLabel);
  connectRow->addWidget(m_alpha);
  connectRow->addWidget(m_referenceLabel);
  connectRow->addWidget(m_reference);
  connectRow->addWidget(m_baseline);
  auto* runRow = new QHBoxLayout;
  // Replay sits with Watch/Stop (both start scoring), which keeps the rows narrow enough for
  // a 1600 px screen in German.
  runRow->addWidget(m_job);
  runRow->addWidget(m_stop);
  runRow->addStretch(1);
  runRow->addWidget(m_recording);
  runRow->addWidget(m_replay);
  auto* deviceRow = new QHBoxLayout;
  deviceRow->addWidget(m_deviceLabel);
  deviceRow->addWidget(m_device);
  deviceRow->addSpacing(16);
  deviceRow->addWidget(m_injectLabel);
  deviceRow->addWidget(m_injectKind);
  deviceRow->addWidget(m_injectChannel);
  deviceRow->addWidget(m_injectAmount);
  deviceRow->addWidget(m_inject);
  deviceRow->addWidget(m_clear);
  deviceRow->addStretch(1);
  // The long "create labeling task" button shares its row with the wrapping summary.
  auto* summaryRow = new QHBoxLayout;
  summaryRow->addWidget(m_summary, 1);
  summaryRow->addWidget(m_label, 0, Qt::AlignTop);

  QSplitter* split = parts.split;

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(connectRow);
  layout->addLayout(runRow);
  layout->addWidget(m_job->statusLabel());
  layout->addLayout(deviceRow);
  layout->addLayout(summaryRow);
  layout->addWidget(split, 1);

  m_timer = new QTimer(this);
  m_timer->setInterval(250);
  connect(m_timer, &QTimer::timeout, this, [this] { refresh(); });
  connect(m_job, &JobStrip::runRequested, this, [this] { startWatching(); });
  connect(m_stop, &QPushButton::clicked, this, [this] { stopWatching(); });
  connect(m_reference, &QComboBox::currentIndexChanged, this, [this] {
    m_baseline->setEnabled(m_reference->currentIndex() == 1);
    applyReferenceMode();
  });
  connect(m_baseline, &QSpinBox::valueChanged, m_applyReference, qOverload<>(&QTimer::start));
  connect(m_applyReference, &QTimer::timeout, this, [this] { applyReferenceMode(); });
  connect(m_device, &QComboBox::currentIndexChanged, this, [this] { showDevice(); });
  connect(m_inject, &QPushButton::clicked, this, [this] {
    injectDrift(m_injectKind->currentData().toString(), m_injectChannel->currentText(),
                m_injectAmount->value());
  });
  connect(m_clear, &QPushButton::clicked, this, [this] { clearDrift(); });
  connect(m_replay, &QPushButton::clicked, this, [this] {
    if (m_recording->currentIndex() >= 0) replayRecording(m_recording->currentData().toLongLong());
  });
  connect(&m_workspace, &Workspace::recordingsChanged, this, [this] { refreshRecordings(); });
  connect(&m_workspace, &Workspace::projectChanged, this, [this] { refreshRecordings(); });
  refreshRecordings();
  connect(m_label, &QPushButton::clicked, this, [this] { createLabelingTask(); });
  connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (current.isValid()) selectFeature(current.data(DriftTableModel::IndexRole).toInt());
          });
  retranslateUi();
}

LiveDriftView::~LiveDriftView() = default;

void LiveDriftView::retranslateUi() {
  m_brokerLabel->setText(tr("Broker:"));
  m_broker->setToolTip(
      tr("The broker the devices publish their predictions to; empty: no broker (recordings "
         "only)"));
  m_replay->setText(tr("Replay recording"));
  m_replay->setToolTip(
      tr("Score the picked recording's samples as one device's predictions (its channels must "
         "be the model's features, e.g. drifted windows saved here)"));
  m_windowLabel->setText(tr("Window:"));
  m_window->setSuffix(tr(" predictions"));
  m_window->setToolTip(tr("Predictions per device scored together against the reference"));
  m_alphaLabel->setText(tr("\u03b1:"));
  m_alpha->setToolTip(
      tr("False discovery rate of the per-feature decision (Benjamini-Hochberg) per window"));
  m_referenceLabel->setText(tr("Reference:"));
  m_reference->setItemText(0, tr("training data"));
  m_reference->setItemText(1, tr("each device's first"));
  m_reference->setToolTip(
      tr("Training data: does the model still see what it was trained on (a single device "
         "always differs from the population somewhat). Each device's first predictions: did "
         "the device change since the model was installed (blind to a difference it already "
         "had)."));
  m_baseline->setSuffix(tr(" predictions"));
  m_baseline->setToolTip(
      tr("Predictions of each device, after its model changes, that are not scored but become "
         "its own reference"));
  m_job->runButton()->setText(tr("Watch devices"));
  m_job->runButton()->setToolTip(
      tr("Compute the picked model's training features and score every device's predictions "
         "against them"));
  m_stop->setText(tr("Stop"));
  m_deviceLabel->setText(tr("Device:"));
  m_injectLabel->setText(tr("Simulator:"));
  m_injectKind->setItemText(0, tr("bias"));
  m_injectKind->setItemText(1, tr("gain"));
  m_injectAmount->setToolTip(tr("Added to the channel (bias) or multiplying it (gain)"));
  m_inject->setText(tr("Inject drift"));
  m_inject->setToolTip(tr("Send inject_drift to the selected simulated device"));
  m_clear->setText(tr("Clear drift"));
  m_label->setText(tr("Create labeling task from drifted windows"));
  m_label->setToolTip(
      tr("Save the device's drifted windows as a recording of the project and open it in the "
         "Labeling pane"));
  showDevice();
}

void LiveDriftView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void LiveDriftView::setModel(const std::optional<training::ModelRecord>& model) {
  m_model = model;
}
void LiveDriftView::setBrokerUrl(const QString& url) {
  m_broker->setText(url);
}
void LiveDriftView::setWindowRows(int rows) {
  m_window->setValue(rows);
}
void LiveDriftView::setAlpha(double alpha) {
  m_alpha->setValue(alpha);
}
void LiveDriftView::setBaselineRows(int rows) {
  if (rows > 0) m_baseline->setValue(rows);
  m_reference->setCurrentIndex(rows > 0 ? 1 : 0);
  applyReferenceMode();
}
int LiveDriftView::baselineRows() const {
  return m_reference->currentIndex() == 1 ? m_baseline->value() : 0;
}

void LiveDriftView::applyReferenceMode() {
  m_applyReference->stop();
  if (!m_watcher || m_watcher->options().baselineRows == static_cast<size_t>(baselineRows()))
    return;
  if (!m_model) {
    setStatus(tr("The reference applies when the devices are watched again."));
    return;
  }
  stopWatching();
  startWatching();
}

QString LiveDriftView::statusText() const {
  return m_lastStatus;
}

void LiveDriftView::setStatus(const QString& text, bool error) {
  m_lastStatus = text;
  m_job->setStatus(text, error);
}

bool LiveDriftView::startWatching() {
  if (m_watcher) {
    setStatus(tr("Already watching: stop first."), true);
    return false;
  }
  if (!m_model) {
    setStatus(tr("Pick a trained model: its training features are the reference."), true);
    return false;
  }
  auto connection = m_job->workerConnection(m_workspace, true, QString());
  if (!connection) return false;
  audit::LiveDriftOptions options;
  options.brokerUrl = m_broker->text().trimmed().toStdString();
  options.windowRows = static_cast<size_t>(m_window->value());
  options.drift.alpha = m_alpha->value();
  options.baselineRows = static_cast<size_t>(baselineRows());
  options.projectPath = connection->path();
  const int64_t modelId = m_model->id;
  using WatcherPtr = std::shared_ptr<audit::LiveDriftWatcher>;
  return m_job->start<WatcherPtr>(
      tr("Live drift of model %1").arg(modelId),
      [connection, options, modelId](JobContext& context, std::atomic<bool>& cancel)
          -> Result<std::pair<WatcherPtr, QString>> {
        const auto forward = JobStrip::forward(context, cancel);
        auto reference = audit::modelReference(
            *connection, modelId, 0, [&](double f) { forward(0.9 * f, {}); }, &cancel);
        if (!reference.ok()) return reference.error();
        auto watcher = std::make_shared<audit::LiveDriftWatcher>(options);
        EW_TRY(
            watcher->addReference({modelId, std::string(), reference->table, reference->labels}));
        EW_TRY(watcher->start());
        const QString broker = QString::fromStdString(options.brokerUrl);
        if (options.baselineRows > 0)
          return std::make_pair(watcher, LiveDriftView::tr("Watching %1 for predictions "
                                                           "(reference: each device's first %2 "
                                                           "predictions)")
                                             .arg(broker)
                                             .arg(options.baselineRows));
        return std::make_pair(
            watcher, LiveDriftView::tr("Watching %1 for predictions (reference: %2 training rows)")
                         .arg(broker)
                         .arg(reference->table.rows));
      },
      [this](WatcherPtr watcher) { watch(std::move(watcher)); }, tr("Cancelled."),
      tr("Cannot watch: %1"));
}

void LiveDriftView::watch(std::shared_ptr<audit::LiveDriftWatcher> watcher) {
  m_watcher = std::move(watcher);
  m_window->setValue(static_cast<int>(m_watcher->options().windowRows));
  m_alpha->setValue(m_watcher->options().drift.alpha);
  if (!m_watcher->options().brokerUrl.empty())
    m_broker->setText(QString::fromStdString(m_watcher->options().brokerUrl));
  {
    const size_t own = m_watcher->options().baselineRows;
    const QSignalBlocker blockMode(m_reference);
    const QSignalBlocker blockRows(m_baseline);
    if (own > 0) m_baseline->setValue(static_cast<int>(own));
    m_reference->setCurrentIndex(own > 0 ? 1 : 0);
    m_baseline->setEnabled(own > 0);
  }
  m_stop->setEnabled(true);
  m_job->runButton()->setEnabled(false);
  m_timer->start();
  refresh();
  Q_EMIT watchingChanged(true);
}

void LiveDriftView::stopWatching() {
  if (!m_watcher) return;
  m_timer->stop();
  refresh();
  m_watcher->stop();
  m_watcher.reset();
  m_stop->setEnabled(false);
  m_job->runButton()->setEnabled(true);
  setStatus(tr("Stopped. %1 alarms were written to the project.").arg(m_snapshot.alarmsWritten));
  Q_EMIT watchingChanged(false);
}

QStringList LiveDriftView::devices() const {
  QStringList out;
  for (const auto& d : m_snapshot.devices) out << QString::fromStdString(d.device);
  return out;
}

QString LiveDriftView::selectedDevice() const {
  return m_device->currentText();
}

bool LiveDriftView::selectDevice(const QString& device) {
  const int i = m_device->findText(device);
  if (i < 0) return false;
  m_device->setCurrentIndex(i);
  showDevice();
  return true;
}

void LiveDriftView::refresh() {
  if (!m_watcher) return;
  m_snapshot = m_watcher->snapshot();
  const QStringList ids = devices();
  QStringList shown;
  for (int i = 0; i < m_device->count(); ++i) shown << m_device->itemText(i);
  if (ids != shown) {
    const QString current = m_device->currentText();
    QSignalBlocker block(m_device);
    m_device->clear();
    for (const auto& d : m_snapshot.devices) {
      m_device->addItem(QString::fromStdString(d.device));
      if (!d.alarms.empty())
        m_device->setItemData(m_device->count() - 1, QColor(0x8b, 0x1a, 0x1a), Qt::ForegroundRole);
    }
    const int keep = m_device->findText(current);
    m_device->setCurrentIndex(keep >= 0 ? keep : 0);
  }
  showDevice();
}

void LiveDriftView::showDevice() {
  const audit::LiveDeviceState* dev = nullptr;
  for (const auto& d : m_snapshot.devices)
    if (QString::fromStdString(d.device) == m_device->currentText()) dev = &d;
  if (!m_watcher && m_snapshot.devices.empty()) {
    m_summary->setText(
        tr("Pick a trained model above and watch the devices that run it: every device's "
           "predictions are compared with the model's training features, window by window."));
    m_summary->setStyleSheet(QString());
    AuditPlots::reset(m_histogram);
    AuditPlots::setTitle(m_histogram, tr("Reference vs live histogram of the selected feature"));
    AuditPlots::reset(m_timeline);
    AuditPlots::setTitle(m_timeline, tr("Drift score per window of the selected device"));
    m_histogram->replot(QCustomPlot::rpQueuedReplot);
    m_timeline->replot(QCustomPlot::rpQueuedReplot);
    return;
  }
  QString text = tr("%1 devices, %2 predictions, %3 windows scored, %4 alarms.")
                     .arg(m_snapshot.devices.size())
                     .arg(m_snapshot.messages)
                     .arg(m_snapshot.windowsScored)
                     .arg(m_snapshot.alarms);
  if (m_snapshot.rejected > 0)
    text += QLatin1Char(' ') + tr("%1 predictions could not be used (%2).")
                                   .arg(m_snapshot.rejected)
                                   .arg(QString::fromStdString(m_snapshot.lastError));
  if (!dev) {
    m_summary->setText(text);
    return;
  }
  std::shared_ptr<const audit::FeatureTable> ref =
      m_watcher ? m_watcher->referenceTable(dev->modelSha256) : nullptr;
  if (!dev->hasReference) ref = nullptr;
  const bool otherDevice = !m_analysis || m_analysis->livePath != m_device->currentText();
  const bool changed = otherDevice || m_analysis->timeline.size() != dev->windows.size();
  if (ref) m_analysis = liveDriftAnalysis(*dev, *ref, m_snapshot.alpha, m_snapshot.windowRows);
  QStringList moved;
  if (!dev->windows.empty())
    for (const std::string& f : dev->windows.back().driftedFeatures)
      moved << QString::fromStdString(f);
  text += QLatin1Char(' ');
  if (!dev->hasReference) {
    text += tr("%1 runs a model without a reference.").arg(m_device->currentText());
  } else if (!dev->baselineReady && m_watcher && m_watcher->options().baselineRows > 0) {
    text += tr("%1: learning its own baseline, %2 of %3 predictions.")
                .arg(m_device->currentText())
                .arg(dev->baselineRows)
                .arg(m_watcher->options().baselineRows);
  } else if (dev->windows.empty()) {
    text += tr("%1: first window %2 of %3 predictions.")
                .arg(m_device->currentText())
                .arg(dev->pendingRows)
                .arg(m_snapshot.windowRows);
  } else if (moved.isEmpty()) {
    text += tr("%1: no feature moved in the latest window (%n alarms so far).", nullptr,
               static_cast<int>(dev->alarms.size()))
                .arg(m_device->currentText());
  } else {
    const int shownCount = std::min<int>(moved.size(), 6);
    QString list = QStringList(moved.mid(0, shownCount)).join(QStringLiteral(", "));
    if (moved.size() > shownCount) list += tr(" and %n more", nullptr, moved.size() - shownCount);
    text += tr("%1: drift in %2.").arg(m_device->currentText(), list);
  }
  m_summary->setText(text);
  m_summary->setStyleSheet(!moved.isEmpty()
                               ? QStringLiteral("QLabel { color: #8b1a1a; font-weight: bold; }")
                               : QString());
  if (!m_analysis) return;
  if (changed) {
    m_model_->setFeatures(m_analysis->report.features);
    m_table->sortByColumn(DriftTableModel::PColumn, Qt::AscendingOrder);
    // Another device, or a new window: show what moved most (the top row after sorting by p).
    {
      m_feature = m_proxy->rowCount() > 0
                      ? m_proxy->index(0, 0).data(DriftTableModel::IndexRole).toInt()
                      : -1;
      if (m_proxy->rowCount() > 0) m_table->selectRow(0);
    }
  }
  AuditPlots::featureHistogram(m_histogram, *m_analysis, m_feature);
  AuditPlots::driftTimeline(m_timeline, *m_analysis, m_feature);
}

void LiveDriftView::selectFeature(int feature) {
  m_feature = feature;
  if (!m_analysis) return;
  AuditPlots::featureHistogram(m_histogram, *m_analysis, feature);
  AuditPlots::driftTimeline(m_timeline, *m_analysis, feature);
}

std::vector<LiveDriftData> LiveDriftView::reportDevices() const {
  std::vector<LiveDriftData> out;
  if (!m_watcher) return out;
  for (const auto& d : m_snapshot.devices) {
    auto ref = m_watcher->referenceTable(d.modelSha256);
    if (!ref) continue;
    auto analysis = liveDriftAnalysis(d, *ref, m_snapshot.alpha, m_snapshot.windowRows);
    if (!analysis) continue;
    LiveDriftData data;
    data.device = QString::fromStdString(d.device);
    data.analysis = std::move(*analysis);
    data.alarms = d.alarms;
    data.predictions = d.messages;
    out.push_back(std::move(data));
  }
  std::stable_sort(out.begin(), out.end(), [](const LiveDriftData& a, const LiveDriftData& b) {
    return a.alarms.size() > b.alarms.size();
  });
  return out;
}

void LiveDriftView::refreshRecordings() {
  const QVariant keep = m_recording->currentData();
  m_recording->clear();
  if (store::Project* project = m_workspace.project()) {
    auto list = project->recordings().list();
    if (list.ok())
      for (const auto& r : *list)
        m_recording->addItem(
            QStringLiteral("%1 (%2)").arg(QString::fromStdString(r.name)).arg(r.id),
            QVariant::fromValue<qlonglong>(r.id));
  }
  const int i = m_recording->findData(keep);
  if (i >= 0) m_recording->setCurrentIndex(i);
  m_replay->setEnabled(m_recording->count() > 0);
}

bool LiveDriftView::replayRecording(int64_t recordingId) {
  store::Project* project = m_workspace.project();
  if (!m_watcher || !project) {
    setStatus(tr("Watch first (leave the broker empty to score recordings only)."), true);
    return false;
  }
  auto reference = m_watcher->referenceTable(std::string());
  auto streams = project->recordings().streams(recordingId);
  if (!streams.ok()) {
    setStatus(tr("Cannot read recording %1: %2")
                  .arg(recordingId)
                  .arg(QString::fromStdString(streams.error().toString())),
              true);
    return false;
  }
  size_t rows = 0;
  for (const store::StreamSummary& stream : *streams) {
    if (!reference || stream.spec.channelNames.size() != reference->columns()) continue;
    auto data = project->recordings().readStream(stream.id);
    if (!data.ok()) continue;
    const std::string device =
        (stream.spec.deviceId.empty() ? std::string("recording") : stream.spec.deviceId) + "@rec" +
        std::to_string(recordingId);
    const size_t cols = static_cast<size_t>(data->channelCount);
    for (size_t r = 0; r < data->timestampsUs.size(); ++r) {
      nlohmann::json j{{"device", device},
                       {"seq", r},
                       {"ts", data->timestampsUs[r]},
                       {"features", std::vector<float>(data->values.begin() + r * cols,
                                                       data->values.begin() + (r + 1) * cols)}};
      if (r == 0) j["feature_names"] = stream.spec.channelNames;
      m_watcher->post("edgewise/" + device + "/predictions", j.dump());
    }
    rows += data->timestampsUs.size();
  }
  if (rows == 0) {
    setStatus(tr("Recording %1 has no stream with the model's %2 features.")
                  .arg(recordingId)
                  .arg(reference ? reference->columns() : 0),
              true);
    return false;
  }
  m_watcher->waitIdle(10000);
  refresh();
  setStatus(tr("Recording %1: %2 rows scored.").arg(recordingId).arg(rows));
  return true;
}

bool LiveDriftView::sendCommand(const std::string& payload, const QString& what) {
  const QString device = selectedDevice();
  if (!m_watcher || device.isEmpty()) {
    setStatus(tr("Watch the devices and pick one first."), true);
    return false;
  }
  Result<void> r = m_watcher->publishCommand(device.toStdString(), payload);
  if (!r.ok()) {
    setStatus(tr("Cannot send %1 to %2: %3")
                  .arg(what, device, QString::fromStdString(r.error().toString())),
              true);
    return false;
  }
  setStatus(tr("Sent %1 to %2.").arg(what, device));
  return true;
}

bool LiveDriftView::injectDrift(const QString& kind, const QString& channel, double amount) {
  const nlohmann::json j{{"cmd", "inject_drift"},
                         {"kind", kind.toStdString()},
                         {"channel", channel.toStdString()},
                         {"amount", amount}};
  return sendCommand(j.dump(),
                     QStringLiteral("inject_drift %1 %2 %3").arg(kind, channel).arg(amount));
}

bool LiveDriftView::clearDrift() {
  return sendCommand(nlohmann::json{{"cmd", "clear_drift"}}.dump(), QStringLiteral("clear_drift"));
}

bool LiveDriftView::createLabelingTask() {
  const QString device = selectedDevice();
  const audit::LiveDeviceState* dev = nullptr;
  for (const auto& d : m_snapshot.devices)
    if (QString::fromStdString(d.device) == device) dev = &d;
  store::Project* project = m_workspace.project();
  if (!dev || !project) {
    setStatus(tr("Open a project and pick a device with drifted windows first."), true);
    return false;
  }
  auto saved =
      audit::saveDriftedWindows(*project, *dev, QDateTime::currentMSecsSinceEpoch() * 1000);
  if (!saved.ok()) {
    setStatus(tr("No labeling task: %1").arg(QString::fromStdString(saved.error().toString())),
              true);
    return false;
  }
  QStringList moved;
  for (const auto& w : dev->windows)
    for (const std::string& f : w.driftedFeatures)
      if (!moved.contains(QString::fromStdString(f))) moved << QString::fromStdString(f);
  const QString reason =
      tr("Drift on %1 in %n windows (%2)", nullptr, static_cast<int>(saved->windows))
          .arg(device, QStringList(moved.mid(0, 5)).join(QStringLiteral(", ")));
  m_workspace.notifyRecordingsChanged();
  m_workspace.requestLabeling(saved->recordingId, saved->startUs, saved->endUs, reason);
  setStatus(tr("Recording %1 with %2 rows of drifted windows sent to labeling.")
                .arg(saved->recordingId)
                .arg(saved->rows));
  return true;
}

}  // namespace edgewise::gui
