#include "app/workbench/panes/labeling/active_queue_view.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <map>
#include <set>
#include <variant>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/panes/labeling/dataset_classes.h"
#include "app/workbench/panes/labeling/recording_pool_dialog.h"
#include "app/workbench/widgets/elided_label.h"
#include "app/workbench/widgets/qcustomplot_include.h"
#include "core/active/recording_pool.h"
#include "core/dataset/data/dataset_repository.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/training/service/data_prep.h"

namespace edgewise::gui {

namespace {

enum Column { SampleColumn, SuggestionColumn, ConfidenceColumn, ColumnCount };

// The pool chooser's entry that opens the recording pool dialog (datasets carry their id).
constexpr qint64 kRecordingsEntry = -1;

// What a queue label wrote: an item label (dataset sample) or a segment (recording window).
using QueueEdit = std::variant<labeling::ItemEdit, labeling::SegmentEdit>;

// One queue label as an undo step: the label in the store, the corrective feedback row
// (when the label overrode the suggestion) and the session's label of the pool row.
class QueueLabelCommand : public QUndoCommand {
 public:
  QueueLabelCommand(ActiveQueueView* view, labeling::LabelRepository* repo,
                    labeling::FeedbackRepository* feedback, int row, QueueEdit edit,
                    std::optional<labeling::Feedback> fb, std::optional<int> before, int after,
                    const QString& text)
      : QUndoCommand(text),
        m_view(view),
        m_repo(repo),
        m_feedback(feedback),
        m_row(row),
        m_edit(std::move(edit)),
        m_fb(std::move(fb)),
        m_before(before),
        m_after(after),
        m_session(view->sessionId()) {}
  // The store is written back as long as the view lives; the session only when it is still
  // the one the label was made in.
  void undo() override {
    if (!m_view) return;
    std::visit([this](const auto& e) { (void)m_repo->revert(e); }, m_edit);
    if (m_fb) (void)m_feedback->remove(m_fb->id);
    if (m_view->sessionId() == m_session)
      m_view->applyRowLabel(m_row, m_before);
    else
      Q_EMIT m_view->labelsChanged();  // the timeline shows the segment gone
  }
  void redo() override {
    if (m_first) {
      m_first = false;  // labelRow has written it already
      return;
    }
    if (!m_view) return;
    std::visit([this](const auto& e) { (void)m_repo->reapply(e); }, m_edit);
    if (m_fb) (void)m_feedback->restore(*m_fb);
    if (m_view->sessionId() == m_session)
      m_view->applyRowLabel(m_row, m_after);
    else
      Q_EMIT m_view->labelsChanged();
  }

 private:
  QPointer<ActiveQueueView> m_view;
  labeling::LabelRepository* m_repo;
  labeling::FeedbackRepository* m_feedback;
  int m_row;
  QueueEdit m_edit;
  std::optional<labeling::Feedback> m_fb;
  std::optional<int> m_before;
  int m_after;
  int m_session;
  bool m_first = true;
};

QColor classColor(labeling::LabelRepository* repo, int64_t classId) {
  if (!repo) return QColor(Qt::gray);
  auto c = repo->classById(classId);
  return c.ok() ? QColor(QString::fromStdString(c->color)) : QColor(Qt::gray);
}

}  // namespace

ActiveQueueView::ActiveQueueView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("activeQueueView"));
  setFocusPolicy(Qt::StrongFocus);
  buildUi();
  retranslateUi();
}

ActiveQueueView::~ActiveQueueView() {
  if (m_prepareJob) JobManager::jobs().cancel(m_prepareJob);
  if (m_retrainJob) JobManager::jobs().cancel(m_retrainJob);
  if (m_learner) m_learner->cancel();
}

void ActiveQueueView::buildUi() {
  auto* root = new QVBoxLayout(this);
  root->setContentsMargins(0, 0, 0, 0);
  root->setSpacing(6);
  auto* top = new QHBoxLayout;
  m_datasetLabel = new QLabel(this);
  m_dataset = new QComboBox(this);
  m_dataset->setObjectName(QStringLiteral("queueDatasetCombo"));
  m_dataset->setMinimumContentsLength(12);
  m_dataset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_strategyLabel = new QLabel(this);
  m_strategy = new QComboBox(this);
  m_strategy->setObjectName(QStringLiteral("queueStrategyCombo"));
  for (active::Strategy s : active::allStrategies())
    m_strategy->addItem(QString::fromStdString(active::strategyName(s)), static_cast<int>(s));
  m_strategy->setCurrentIndex(static_cast<int>(active::Strategy::Margin));
  m_batchLabel = new QLabel(this);
  m_batch = new QSpinBox(this);
  m_batch->setObjectName(QStringLiteral("queueBatchSpin"));
  m_batch->setRange(1, 500);
  m_batch->setValue(10);
  m_start = new QPushButton(this);
  m_start->setObjectName(QStringLiteral("queueStartButton"));
  top->addWidget(m_datasetLabel);
  top->addWidget(m_dataset, 1);
  top->addWidget(m_strategyLabel);
  top->addWidget(m_strategy);
  top->addWidget(m_batchLabel);
  top->addWidget(m_batch);
  top->addWidget(m_start);
  root->addLayout(top);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->setChildrenCollapsible(false);
  m_table = new QTableWidget(0, ColumnCount, split);
  m_table->setObjectName(QStringLiteral("queueTable"));
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->setIconSize(QSize(28, 28));
  m_table->verticalHeader()->setDefaultSectionSize(32);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setSectionResizeMode(SuggestionColumn, QHeaderView::Stretch);
  m_table->installEventFilter(this);

  auto* side = new QWidget(split);
  auto* sideLayout = new QVBoxLayout(side);
  sideLayout->setContentsMargins(0, 0, 0, 0);
  m_preview = new QLabel(side);
  m_preview->setObjectName(QStringLiteral("queuePreview"));
  m_preview->setAlignment(Qt::AlignCenter);
  m_preview->setMinimumSize(120, 120);
  m_preview->setFrameShape(QFrame::StyledPanel);
  // Windows and series samples preview as a small plot of their channels.
  m_signal = new QCustomPlot(side);
  m_signal->setObjectName(QStringLiteral("queueSignalPlot"));
  m_signal->setMinimumSize(120, 120);
  m_signal->hide();
  m_suggestion = new QLabel(side);
  m_suggestion->setObjectName(QStringLiteral("queueSuggestion"));
  m_suggestion->setAlignment(Qt::AlignCenter);
  m_suggestion->setWordWrap(true);
  m_plot = new QCustomPlot(side);
  m_plot->setObjectName(QStringLiteral("queueCurvePlot"));
  m_plot->setMinimumHeight(130);
  QCPGraph* g = m_plot->addGraph();
  g->setPen(QPen(QColor(31, 119, 180), 2));
  g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
  m_plot->yAxis->setRange(0, 1.02);
  m_plot->xAxis->setRange(0, 10);
  QFont small = font();
  small.setPointSizeF(small.pointSizeF() * 0.85);
  for (QCustomPlot* p : {m_plot, m_signal}) {
    p->xAxis->setLabelFont(small);
    p->yAxis->setLabelFont(small);
    p->xAxis->setTickLabelFont(small);
    p->yAxis->setTickLabelFont(small);
  }
  sideLayout->addWidget(m_preview, 2);
  sideLayout->addWidget(m_signal, 2);
  sideLayout->addWidget(m_suggestion);
  sideLayout->addWidget(m_plot, 3);
  split->addWidget(m_table);
  split->addWidget(side);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  root->addWidget(split, 1);

  m_status = new ElidedLabel(this);
  m_status->setObjectName(QStringLiteral("queueStatus"));
  m_keys = new ElidedLabel(this);
  m_keys->setObjectName(QStringLiteral("queueKeys"));
  QPalette dim = m_keys->palette();
  dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
  m_keys->setPalette(dim);
  root->addWidget(m_status);
  root->addWidget(m_keys);

  connect(m_start, &QPushButton::clicked, this, [this] {
    if (m_dataset->currentData().toLongLong() == kRecordingsEntry) {
      // Restart keeps the pool; Start asks for one.
      if (m_pool && m_poolOptions)
        startRecordingSession(*m_poolOptions,
                              static_cast<active::Strategy>(m_strategy->currentData().toInt()),
                              m_batch->value());
      else
        chooseRecordingPool();
      return;
    }
    startSession(m_dataset->currentText(),
                 static_cast<active::Strategy>(m_strategy->currentData().toInt()),
                 m_batch->value());
  });
  connect(m_dataset, qOverload<int>(&QComboBox::activated), this, [this](int index) {
    if (m_dataset->itemData(index).toLongLong() == kRecordingsEntry) chooseRecordingPool();
  });
  connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
    if (row != m_current && row >= 0) setCurrentIndex(row);
  });
}

void ActiveQueueView::retranslateUi() {
  m_datasetLabel->setText(tr("Pool:"));
  m_dataset->setToolTip(
      tr("The dataset whose samples you label, or Recordings… to label windows of the "
         "project's recordings (stored as label segments)"));
  if (const int r = m_dataset->findData(QVariant::fromValue<qint64>(kRecordingsEntry)); r >= 0)
    m_dataset->setItemText(r, recordingsEntryText());
  m_strategyLabel->setText(tr("Strategy:"));
  m_strategy->setToolTip(
      tr("Which rows the queue asks for: random (baseline), uncertainty "
         "(least-confidence, margin, entropy), diversity (kcenter) or both "
         "(hybrid)"));
  m_batchLabel->setText(tr("Batch:"));
  m_batch->setToolTip(tr("Labels per round: the model is retrained after this many"));
  m_start->setText(hasSession() ? tr("Restart") : tr("Start"));
  m_table->setHorizontalHeaderLabels(
      {m_pool ? tr("Window") : tr("Sample"), tr("Suggestion"), tr("Confidence")});
  m_plot->xAxis->setLabel(tr("labels"));
  m_plot->yAxis->setLabel(m_pool ? tr("suggestions right") : tr("validation accuracy"));
  m_keys->setText(
      tr("Enter or A: accept the suggestion · 1-9: assign a class · N: next item · "
         "Ctrl+Z: undo"));
  updateStatus();
  updatePreview();
}

void ActiveQueueView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void ActiveQueueView::setContext(store::Project* project, labeling::LabelRepository* repo,
                                 int64_t annotatorId) {
  const bool same = project == m_project && repo == m_repo && annotatorId == m_annotatorId;
  if ((project != m_project || repo != m_repo) && m_undo) {
    // Queue commands point at the old store and its feedback repository.
    m_undo->clear();
  }
  if (project != m_project)
    m_feedback = project ? std::make_unique<labeling::FeedbackRepository>(*project) : nullptr;
  m_project = project;
  m_repo = repo;
  m_annotatorId = annotatorId;
  if (!same) {
    stopSession();
    refreshDatasets();
  }
}

void ActiveQueueView::refreshDatasets() {
  const QString current = m_dataset->currentText();
  m_dataset->clear();
  if (m_project) {
    dataset::DatasetRepository repo(*m_project);
    auto list = repo.list();
    if (list.ok())
      for (const dataset::DatasetInfo& d : *list)
        m_dataset->addItem(QString::fromStdString(d.name), QVariant::fromValue<qint64>(d.id));
  }
  if (m_project) {
    if (m_dataset->count() > 0) m_dataset->insertSeparator(m_dataset->count());
    m_dataset->addItem(recordingsEntryText(), QVariant::fromValue<qint64>(kRecordingsEntry));
  }
  const int i = m_dataset->findText(current);
  if (i >= 0) m_dataset->setCurrentIndex(i);
  m_start->setEnabled(m_dataset->count() > 0);
}

void ActiveQueueView::stopSession() {
  if (m_prepareJob) JobManager::jobs().cancel(m_prepareJob);
  if (m_retrainJob) JobManager::jobs().cancel(m_retrainJob);
  m_prepareJob = m_retrainJob = 0;
  if (m_learner) m_learner->cancel();
  m_learner.reset();
  m_data.reset();
  m_pool.reset();
  m_judged.clear();
  m_leftOut.clear();
  m_items.clear();
  m_curve.clear();
  m_current = -1;
  m_sinceRetrain = 0;
  m_retrainAgain = false;
  m_error.clear();
  ++m_sessionId;  // undo commands of the old session no longer touch the learner
  rebuildQueue();
  updatePlot();
  retranslateUi();
}

bool ActiveQueueView::startSession(const QString& datasetName, active::Strategy strategy,
                                   int batch) {
  if (!m_project || datasetName.isEmpty()) return false;
  const int i = m_dataset->findText(datasetName);
  if (i < 0 || m_dataset->itemData(i).toLongLong() == kRecordingsEntry) return false;
  stopSession();
  m_dataset->setCurrentIndex(i);
  const std::string name = datasetName.toStdString();
  startPrepareJob(
      tr("Active learning: preparing %1").arg(datasetName),
      [name](store::Project& project, JobContext& ctx) -> Result<PreparedPool> {
        std::atomic<bool> cancel{false};
        auto data = training::prepareData(
            project, name, {},
            [&](double f) {
              ctx.setProgress(f);
              if (ctx.isCancelled()) cancel = true;
            },
            &cancel);
        if (!data.ok()) return data.error();
        return PreparedPool{std::make_shared<training::PreparedData>(std::move(data.value())),
                            nullptr};
      },
      strategy, batch);
  return true;
}

bool ActiveQueueView::startRecordingSession(const active::RecordingPoolOptions& options,
                                            active::Strategy strategy, int batch) {
  if (!m_project) return false;
  // A copy first: `options` may be *m_poolOptions (Restart), replaced below.
  auto kept = std::make_shared<active::RecordingPoolOptions>(options);
  stopSession();
  if (kept->classNames.size() < 2) {
    setStatus(
        tr("No classes to label with: add at least two classes to the project's label schema "
           "(Timeline tab, class field) first."));
    return false;
  }
  if (kept->streams.empty()) {
    setStatus(tr("No recording chosen for the pool."));
    return false;
  }
  m_dataset->setCurrentIndex(m_dataset->findData(QVariant::fromValue<qint64>(kRecordingsEntry)));
  m_poolOptions = kept;
  m_recordingNames.clear();
  if (auto listed = m_project->recordings().list(); listed.ok())
    for (const store::RecordingSummary& r : *listed)
      m_recordingNames[r.id] = QString::fromStdString(r.name);
  startPrepareJob(
      tr("Active learning: windowing %n recording(s)", nullptr,
         static_cast<int>(kept->streams.size())),
      [options = *kept](store::Project& project, JobContext& ctx) -> Result<PreparedPool> {
        std::atomic<bool> cancel{false};
        ctx.setProgress(0.0, QStringLiteral("reading and windowing"));
        auto pool = active::prepareRecordingPool(
            project, options,
            [&](double f) {
              ctx.setProgress(f, QStringLiteral("features"));
              if (ctx.isCancelled()) cancel = true;
            },
            &cancel);
        if (!pool.ok()) return pool.error();
        auto shared = std::make_shared<active::RecordingPool>(std::move(pool.value()));
        // The rows as the learner's data (aliasing: lives as long as the pool).
        return PreparedPool{std::shared_ptr<training::PreparedData>(shared, &shared->data), shared};
      },
      strategy, batch);
  return true;
}

bool ActiveQueueView::chooseRecordingPool() {
  if (!m_project || !m_repo) {
    setStatus(tr("Open a project to label with active learning"));
    return false;
  }
  RecordingPoolDialog dialog(*m_project, *m_repo, this);
  if (dialog.exec() != QDialog::Accepted) return false;
  return startRecordingSession(dialog.options(),
                               static_cast<active::Strategy>(m_strategy->currentData().toInt()),
                               m_batch->value());
}

void ActiveQueueView::startPrepareJob(const QString& title, PrepareFn prepare,
                                      active::Strategy strategy, int batch) {
  m_strategy->setCurrentIndex(m_strategy->findData(static_cast<int>(strategy)));
  m_batch->setValue(batch);
  const std::string path = m_project->path();
  auto out = std::make_shared<PreparedPool>();
  m_prepareJob = JobManager::jobs().start(
      title, [path, out, prepare = std::move(prepare)](JobContext& ctx) -> Result<QString> {
        auto project = store::Project::open(path);
        if (!project.ok()) return project.error();
        auto prepared = prepare(**project, ctx);
        if (!prepared.ok()) return prepared.error();
        *out = std::move(prepared.value());
        return QString::number(out->data->train.rows());
      });
  const int job = m_prepareJob;
  auto conn = std::make_shared<QMetaObject::Connection>();
  *conn = connect(
      &JobManager::jobs(), &JobManager::jobFinished, this,
      [this, job, conn, out, strategy, batch](int id, JobState state, const QString& message) {
        if (id != job) return;
        disconnect(*conn);
        if (m_prepareJob != job) return;  // stopped meanwhile
        m_prepareJob = 0;
        if (state != JobState::Succeeded || !out->data) {
          setStatus(tr("Could not prepare the pool: %1").arg(message));
          return;
        }
        onPrepared(std::move(*out), strategy, batch);
      });
  setStatus(tr("Preparing the pool…"));
}

void ActiveQueueView::onPrepared(PreparedPool prepared, active::Strategy strategy, int batch) {
  m_data = std::move(prepared.data);
  m_pool = std::move(prepared.recordings);
  m_error.clear();  // "Preparing the pool…"
  m_leftOut.clear();
  if (m_pool)
    for (const dataset::Rejection& r : m_pool->rejected)
      m_leftOut += (m_leftOut.isEmpty() ? QString() : QStringLiteral("; ")) +
                   QString::fromStdString(r.source + ": " + r.reason);
  m_batchSize = std::max(1, batch);
  m_classIds.assign(m_data->dataset.classNames.size(), 0);
  m_keyClass.assign(9, -1);
  bool created = false;
  if (m_repo) {
    auto classes = ensureDatasetClasses(*m_repo, m_data->dataset.classNames);
    if (classes.ok()) {
      m_classIds = classes->classIds;
      m_keyClass = classes->keyClass;
      created = classes->created;
    } else {
      setStatus(QString::fromStdString(classes.error().toString()));
    }
  }
  if (created) Q_EMIT classesChanged();

  active::LearnerOptions o;
  o.strategy = strategy;
  o.batch = m_batchSize;
  o.autoRetrain = false;  // rounds run as jobs (maybeRetrain)
  o.inputShape = m_data->inputShape;
  m_learner = std::make_shared<active::ActiveLearner>(m_data->train.X, m_data->numClasses(), o);
  labelEarlierWork();
  m_current = 0;
  rebuildQueue();
  if (labeledCount() >= 2) maybeRetrain(true);
  retranslateUi();
  Q_EMIT sessionReady();
}

void ActiveQueueView::labelEarlierWork() {
  if (!m_repo || m_annotatorId <= 0) return;
  auto poolClass = [this](int64_t classId) {
    auto cls = std::find(m_classIds.begin(), m_classIds.end(), classId);
    return cls == m_classIds.end() ? -1 : static_cast<int>(cls - m_classIds.begin());
  };
  if (m_pool) {
    // Windows the annotator's segments cover (made here or on the timeline).
    std::set<int64_t> recordings;
    for (const dataset::WindowedStream& s : m_pool->windows.streams)
      recordings.insert(s.recordingId);
    std::vector<active::LabeledSpan> spans;
    for (int64_t rec : recordings) {
      auto segments = m_repo->segments(rec, m_annotatorId);
      if (!segments.ok()) continue;
      for (const labeling::SegmentLabel& seg : *segments)
        spans.push_back({rec, seg.startUs, seg.endUs, seg.classId});
    }
    const std::vector<int64_t> covered = active::coveringClasses(m_pool->windows, spans);
    for (size_t r = 0; r < covered.size(); ++r)
      if (const int k = covered[r] ? poolClass(covered[r]) : -1; k >= 0)
        (void)m_learner->addLabel(static_cast<int>(r), k);
    return;
  }
  // The annotator's earlier labels on this dataset count.
  auto labels = m_repo->itemLabels(m_data->dataset.id, m_annotatorId);
  if (!labels.ok()) return;
  std::map<int64_t, int> rowOf;
  for (size_t r = 0; r < m_data->train.sampleIds.size(); ++r)
    rowOf[m_data->train.sampleIds[r]] = static_cast<int>(r);
  for (const labeling::ItemLabel& l : *labels) {
    auto it = rowOf.find(l.sampleId);
    const int k = poolClass(l.classId);
    if (it != rowOf.end() && k >= 0) (void)m_learner->addLabel(it->second, k);
  }
}

int ActiveQueueView::labeledCount() const {
  return m_learner ? m_learner->labeledCount() : 0;
}

int ActiveQueueView::modelVersion() const {
  return m_learner ? m_learner->modelVersion() : 0;
}

int ActiveQueueView::poolSize() const {
  return m_learner ? m_learner->poolSize() : 0;
}

int64_t ActiveQueueView::sampleIdOfRow(int row) const {
  if (!m_data || row < 0 || row >= static_cast<int>(m_data->train.sampleIds.size())) return 0;
  return m_data->train.sampleIds[static_cast<size_t>(row)];
}

std::optional<ActiveQueueView::Window> ActiveQueueView::windowOfRow(int row) const {
  if (!m_pool || row < 0 || row >= static_cast<int>(m_pool->windows.windows.size()))
    return std::nullopt;
  const dataset::RecordingWindow& w = m_pool->windows.windows[static_cast<size_t>(row)];
  const dataset::WindowedStream& s = m_pool->windows.streams[w.stream];
  return Window{s.recordingId, s.streamId, w.startUs, w.endUs};
}

QString ActiveQueueView::itemText(int row) const {
  if (!m_pool) return QString::number(sampleIdOfRow(row));
  if (row < 0 || row >= static_cast<int>(m_pool->windows.windows.size())) return QString();
  const dataset::RecordingWindow& w = m_pool->windows.windows[static_cast<size_t>(row)];
  const int64_t rec = m_pool->windows.streams[w.stream].recordingId;
  auto name = m_recordingNames.find(rec);
  return tr("%1 @ %2 s")
      .arg(name != m_recordingNames.end() ? name->second : QString::number(rec))
      .arg(static_cast<double>(m_pool->windows.offsetMs(w)) / 1000.0, 0, 'f', 1);
}

QString ActiveQueueView::statusText() const {
  return m_status ? m_status->text() : QString();
}

QString ActiveQueueView::recordingsEntryText() const {
  if (!m_pool) return tr("Recordings…");
  // The pooled recordings, so that the chooser says what is being labeled.
  QStringList names;
  for (const dataset::WindowedStream& s : m_pool->windows.streams) {
    auto name = m_recordingNames.find(s.recordingId);
    names << (name != m_recordingNames.end() ? name->second : QString::number(s.recordingId));
  }
  return tr("Recordings: %1").arg(names.join(QStringLiteral(", ")));
}

std::optional<int> ActiveQueueView::rowLabel(int row) const {
  if (!m_learner) return std::nullopt;
  for (const active::LabeledRow& l : m_learner->labels())
    if (l.row == row) return l.label;
  return std::nullopt;
}

QString ActiveQueueView::className(int k) const {
  if (!m_data || k < 0 || k >= m_data->numClasses()) return QString();
  return QString::fromStdString(m_data->dataset.classNames[static_cast<size_t>(k)]);
}

void ActiveQueueView::setCurrentIndex(int index) {
  if (m_items.empty()) {
    m_current = -1;
  } else {
    m_current = std::clamp(index, 0, static_cast<int>(m_items.size()) - 1);
    if (m_table->currentRow() != m_current) m_table->selectRow(m_current);
  }
  updatePreview();
}

void ActiveQueueView::nextItem() {
  if (m_items.empty()) return;
  // The next item that has a suggestion (wrapping); without a model simply the next one.
  const int n = static_cast<int>(m_items.size());
  for (int step = 1; step <= n; ++step) {
    const int i = (m_current + step) % n;
    if (m_items[static_cast<size_t>(i)].suggestion >= 0 || modelVersion() == 0) {
      setCurrentIndex(i);
      return;
    }
  }
}

bool ActiveQueueView::acceptCurrent() {
  if (m_current < 0 || m_current >= static_cast<int>(m_items.size())) return false;
  const active::QueueItem& item = m_items[static_cast<size_t>(m_current)];
  if (item.suggestion < 0) {
    setStatus(
        tr("No suggestion yet: assign a class with 1-9 (the model trains after %n "
           "label(s))",
           nullptr, m_batchSize));
    return false;
  }
  return labelRow(item.row, item.suggestion, true);
}

bool ActiveQueueView::assignCurrent(int datasetClass) {
  if (m_current < 0 || m_current >= static_cast<int>(m_items.size())) return false;
  return labelRow(m_items[static_cast<size_t>(m_current)].row, datasetClass, false);
}

bool ActiveQueueView::assignKey(int key) {
  if (key < 1 || key > 9 || m_keyClass.empty()) return false;
  const int k = m_keyClass[static_cast<size_t>(key - 1)];
  if (k < 0) {
    setStatus(tr("No class of this pool has key %1").arg(key));
    return false;
  }
  return assignCurrent(k);
}

bool ActiveQueueView::labelRow(int row, int k, bool accepted) {
  if (!m_learner || !m_repo) return false;
  if (m_annotatorId <= 0) {
    setStatus(tr("Enter your name as annotator first"));
    return false;
  }
  if (k < 0 || k >= static_cast<int>(m_classIds.size()) || m_classIds[static_cast<size_t>(k)] == 0)
    return false;
  const active::QueueItem s = m_learner->suggestion(row);
  const labeling::LabelSource source =
      accepted ? labeling::LabelSource::Suggestion : labeling::LabelSource::Manual;
  const std::optional<double> confidence =
      accepted ? std::optional<double>(s.confidence) : std::nullopt;
  std::optional<QueueEdit> edit;
  std::optional<int> before;
  if (const std::optional<Window> w = windowOfRow(row)) {
    // A recording window: a segment of the annotator over exactly the window.
    labeling::SegmentLabel seg;
    seg.recordingId = w->recordingId;
    seg.streamId = w->streamId;
    seg.startUs = w->startUs;
    seg.endUs = w->endUs;
    seg.classId = m_classIds[static_cast<size_t>(k)];
    seg.annotatorId = m_annotatorId;
    seg.source = source;
    seg.confidence = confidence;
    auto added = m_repo->addSegment(seg);
    if (!added.ok()) {
      setStatus(QString::fromStdString(added.error().toString()));
      return false;
    }
    before = rowLabel(row);
    edit = std::move(added.value());
  } else {
    auto set = m_repo->setItemLabel(sampleIdOfRow(row), m_classIds[static_cast<size_t>(k)],
                                    m_annotatorId, source, confidence);
    if (!set.ok()) {
      setStatus(QString::fromStdString(set.error().toString()));
      return false;
    }
    if (set->before) {
      auto cls = std::find(m_classIds.begin(), m_classIds.end(), set->before->classId);
      if (cls != m_classIds.end()) before = static_cast<int>(cls - m_classIds.begin());
    }
    edit = std::move(set.value());
  }
  std::optional<labeling::Feedback> fb;
  if (s.suggestion >= 0 && s.suggestion != k) {
    labeling::Feedback f;
    f.origin = labeling::kFeedbackFromQueue;
    f.predicted = className(s.suggestion).toStdString();
    f.corrected = className(k).toStdString();
    f.confidence = s.confidence;
    const cv::Mat x = m_data->train.X.row(row);
    f.features.assign(x.ptr<float>(), x.ptr<float>() + x.cols);
    f.annotatorId = m_annotatorId;
    // The suggestion is the session learner's, not a registered model's (modelId stays null).
    if (auto model = m_learner->model()) f.modelFamily = model->id();
    f.modelVersion = m_learner->modelVersion();
    if (m_data->dataset.id > 0) {  // a stored dataset: the row is that sample's correction
      f.datasetId = m_data->dataset.id;
      f.sampleId = sampleIdOfRow(row);
    }
    auto stored = m_feedback->add(f);
    if (stored.ok()) fb = *stored;
  }
  if (m_pool && s.suggestion >= 0) m_judged[row] = s.suggestion == k;
  (void)m_learner->addLabel(
      row, k, accepted ? active::LabelSource::Accepted : active::LabelSource::Annotator);
  ++m_sinceRetrain;
  QString text;
  if (m_pool)
    text = accepted ? tr("Accept %1 for window %2").arg(className(k), itemText(row))
                    : tr("Label window %2 as %1").arg(className(k), itemText(row));
  else
    text = accepted ? tr("Accept %1 for sample %2").arg(className(k)).arg(sampleIdOfRow(row))
                    : tr("Label sample %2 as %1").arg(className(k)).arg(sampleIdOfRow(row));
  if (m_undo)
    m_undo->push(new QueueLabelCommand(this, m_repo, m_feedback.get(), row, std::move(*edit), fb,
                                       before, k, text));
  const int keep = m_current;
  m_error.clear();
  rebuildQueue();
  setCurrentIndex(keep);
  Q_EMIT labelsChanged();
  maybeRetrain();
  return true;
}

void ActiveQueueView::applyRowLabel(int row, std::optional<int> k) {
  if (!m_learner) return;
  // The labels since the last retrain count the undo / redo too.
  if (k) {
    const active::QueueItem s = m_learner->suggestion(row);
    if (m_pool && s.suggestion >= 0) m_judged[row] = s.suggestion == *k;
    (void)m_learner->addLabel(row, *k);
    ++m_sinceRetrain;
  } else {
    m_judged.erase(row);
    (void)m_learner->removeLabel(row);
    m_sinceRetrain = std::max(0, m_sinceRetrain - 1);
  }
  rebuildQueue();
  // The undone row comes back first in line.
  for (size_t i = 0; i < m_items.size(); ++i)
    if (m_items[i].row == row) setCurrentIndex(static_cast<int>(i));
  Q_EMIT labelsChanged();
}

void ActiveQueueView::maybeRetrain(bool force) {
  if (!m_learner) return;
  if (!force && m_sinceRetrain < m_batchSize) return;
  if (m_learner->labeledCount() < 2) return;
  if (m_retrainJob) {
    m_retrainAgain = true;  // served when the running one ends
    return;
  }
  m_sinceRetrain = 0;
  auto learner = m_learner;
  auto data = m_data;
  auto accuracy = std::make_shared<double>(-1.0);
  const int labels = m_learner->labeledCount();
  // Recording pools: how often the model being replaced suggested the label it got.
  double suggestionsRight = -1.0;
  if (m_pool && !m_judged.empty()) {
    int right = 0;
    for (const auto& [row, hit] : m_judged) right += hit;
    suggestionsRight = static_cast<double>(right) / static_cast<double>(m_judged.size());
  }
  m_judged.clear();
  m_retrainJob = JobManager::jobs().start(
      tr("Active learning: retrain on %n label(s)", nullptr, labels),
      [learner, data, accuracy](JobContext& ctx) -> Result<QString> {
        EW_TRY(learner->requestRetrain());
        ctx.setProgress(0.1, QStringLiteral("training"));
        while (!learner->waitIdle(50))
          if (ctx.isCancelled()) {
            learner->cancel();
            return JobContext::cancelledError();
          }
        const active::RoundReport round = learner->lastRound();
        if (!round.error.empty()) return Error(round.error);
        auto model = learner->model();
        if (model && data->val.rows() > 0) {
          const std::vector<int> p = model->predictBatch(data->val.X);
          size_t ok = 0;
          for (size_t i = 0; i < p.size(); ++i) ok += p[i] == data->val.y[i];
          *accuracy = static_cast<double>(ok) / static_cast<double>(p.size());
        }
        const QString done =
            QStringLiteral("model %1 on %2 labels").arg(round.version).arg(round.trainedOn);
        if (*accuracy < 0) return done;  // no validation split (a recording pool)
        return QString(done + QStringLiteral(": validation accuracy %1").arg(*accuracy, 0, 'f', 3));
      });
  const int job = m_retrainJob;
  auto conn = std::make_shared<QMetaObject::Connection>();
  *conn = connect(&JobManager::jobs(), &JobManager::jobFinished, this,
                  [this, job, conn, accuracy, labels, suggestionsRight](int id, JobState state,
                                                                        const QString& msg) {
                    if (id != job) return;
                    disconnect(*conn);
                    if (m_retrainJob != job) return;
                    m_retrainJob = 0;
                    if (state == JobState::Succeeded) {
                      if (*accuracy >= 0) m_curve.emplace_back(labels, *accuracy);
                      if (suggestionsRight >= 0) m_curve.emplace_back(labels, suggestionsRight);
                      m_error.clear();
                    } else if (state == JobState::Failed) {
                      m_error = tr("Retraining failed: %1").arg(msg);
                    }
                    const int keep = std::max(0, m_current);
                    rebuildQueue();
                    setCurrentIndex(keep);
                    updatePlot();
                    updateStatus();
                    Q_EMIT retrainFinished();
                    if (m_retrainAgain) {
                      m_retrainAgain = false;
                      maybeRetrain(true);
                    }
                  });
  updateStatus();
}

QImage ActiveQueueView::rowImage(int row) const {
  if (!m_data || m_data->dataset.kind != dataset::DatasetKind::Image ||
      m_data->inputShape.size() != 3)
    return {};
  const int c = m_data->inputShape[0], h = m_data->inputShape[1], w = m_data->inputShape[2];
  const float* x = m_data->train.X.ptr<float>(row);
  QImage img(w, h, QImage::Format_RGB32);
  for (int y = 0; y < h; ++y)
    for (int xx = 0; xx < w; ++xx) {
      auto at = [&](int ch) {
        return std::clamp(static_cast<int>(x[(ch * h + y) * w + xx] * 255.0f + 0.5f), 0, 255);
      };
      // Channel-major pixels / 255; three channels are stored in OpenCV's BGR order.
      img.setPixel(xx, y, c >= 3 ? qRgb(at(2), at(1), at(0)) : qRgb(at(0), at(0), at(0)));
    }
  return img;
}

void ActiveQueueView::rebuildQueue() {
  m_items = m_learner ? m_learner->queue() : std::vector<active::QueueItem>{};
  QSignalBlocker block(m_table);
  m_table->setRowCount(static_cast<int>(m_items.size()));
  for (int i = 0; i < static_cast<int>(m_items.size()); ++i) {
    const active::QueueItem& item = m_items[static_cast<size_t>(i)];
    auto* sample = new QTableWidgetItem(itemText(item.row));
    const QImage img = rowImage(item.row);
    if (!img.isNull())
      sample->setIcon(QIcon(QPixmap::fromImage(img.scaled(28, 28, Qt::KeepAspectRatio))));
    auto* suggestion = new QTableWidgetItem(item.suggestion >= 0 ? className(item.suggestion)
                                                                 : QStringLiteral("–"));
    if (item.suggestion >= 0 && item.suggestion < static_cast<int>(m_classIds.size())) {
      const QColor color = classColor(m_repo, m_classIds[static_cast<size_t>(item.suggestion)]);
      QPixmap sw(12, 12);
      sw.fill(color);
      suggestion->setIcon(QIcon(sw));
    }
    auto* confidence = new QTableWidgetItem(
        item.suggestion >= 0 ? QString::number(item.confidence * 100.0, 'f', 0) + u'%' : QString());
    confidence->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setItem(i, SampleColumn, sample);
    m_table->setItem(i, SuggestionColumn, suggestion);
    m_table->setItem(i, ConfidenceColumn, confidence);
  }
  if (m_current >= static_cast<int>(m_items.size()))
    m_current = static_cast<int>(m_items.size()) - 1;
  if (m_current >= 0) m_table->selectRow(m_current);
  updatePreview();
  updateStatus();
  Q_EMIT queueChanged();
}

void ActiveQueueView::updatePreview() {
  if (m_current < 0 || m_current >= static_cast<int>(m_items.size())) {
    m_signal->hide();
    m_preview->show();
    m_preview->setPixmap({});
    m_preview->setText(hasSession() ? tr("The queue is empty") : tr("Pick a pool and start"));
    m_suggestion->clear();
    return;
  }
  const active::QueueItem& item = m_items[static_cast<size_t>(m_current)];
  const bool plotted = plotRow(item.row);
  m_signal->setVisible(plotted);
  m_preview->setVisible(!plotted);
  if (!plotted) {
    const QImage img = rowImage(item.row);
    if (!img.isNull()) {
      const int side = std::max(96, std::min(m_preview->width(), m_preview->height()) - 8);
      m_preview->setPixmap(
          QPixmap::fromImage(img.scaled(side, side, Qt::KeepAspectRatio, Qt::FastTransformation)));
    } else {
      m_preview->setPixmap({});
      m_preview->setText(tr("Sample %1").arg(sampleIdOfRow(item.row)));
    }
  }
  if (item.suggestion >= 0)
    m_suggestion->setText(tr("Model suggests <b>%1</b> (%2 %)")
                              .arg(className(item.suggestion).toHtmlEscaped())
                              .arg(item.confidence * 100.0, 0, 'f', 0));
  else
    m_suggestion->setText(tr("No model yet"));
}

bool ActiveQueueView::plotRow(int row) {
  // A recording window from the pool's own buffers; a series sample of a dataset from the
  // store (one sample: cheap on the GUI thread).
  std::vector<std::vector<double>> channels;
  double rate = 0.0, offset = 0.0;
  QString axis;
  if (const std::optional<Window> w = windowOfRow(row)) {
    const dataset::RecordingWindows& win = m_pool->windows;
    const dataset::RecordingWindow& rw = win.windows[static_cast<size_t>(row)];
    const float* v = win.valuesOf(rw);
    channels.assign(static_cast<size_t>(win.channels),
                    std::vector<double>(static_cast<size_t>(win.length)));
    for (int t = 0; t < win.length; ++t)
      for (int c = 0; c < win.channels; ++c)
        channels[static_cast<size_t>(c)][static_cast<size_t>(t)] =
            v[static_cast<size_t>(t) * static_cast<size_t>(win.channels) + static_cast<size_t>(c)];
    rate = win.rateHz;
    offset = static_cast<double>(win.offsetMs(rw)) / 1000.0;
    auto name = m_recordingNames.find(w->recordingId);
    axis = tr("s in %1").arg(name != m_recordingNames.end() ? name->second
                                                            : QString::number(w->recordingId));
  } else if (m_project && m_data && m_data->dataset.kind == dataset::DatasetKind::Timeseries) {
    auto view = training::loadSampleView(*m_project, sampleIdOfRow(row));
    if (!view.ok()) return false;
    for (const std::vector<float>& ch : view->series) channels.emplace_back(ch.begin(), ch.end());
    rate = view->rateHz;
    axis = tr("s");
  }
  if (channels.empty() || !(rate > 0)) return false;
  m_signal->clearGraphs();
  double low = 0.0, high = 0.0;
  bool first = true;
  for (size_t c = 0; c < channels.size(); ++c) {
    QVector<double> x(static_cast<qsizetype>(channels[c].size()));
    QVector<double> y(static_cast<qsizetype>(channels[c].size()));
    for (size_t t = 0; t < channels[c].size(); ++t) {
      x[static_cast<qsizetype>(t)] = offset + static_cast<double>(t) / rate;
      y[static_cast<qsizetype>(t)] = channels[c][t];
      low = first ? y[static_cast<qsizetype>(t)] : std::min(low, y[static_cast<qsizetype>(t)]);
      high = first ? y[static_cast<qsizetype>(t)] : std::max(high, y[static_cast<qsizetype>(t)]);
      first = false;
    }
    QCPGraph* g = m_signal->addGraph();
    g->setPen(
        QPen(QColor(QString::fromStdString(labeling::defaultColor(static_cast<int>(c)))), 1.4));
    g->setData(x, y, true);
  }
  const double pad = std::max(1e-6, (high - low) * 0.08);
  m_signal->xAxis->setRange(offset, offset + static_cast<double>(channels[0].size()) / rate);
  m_signal->yAxis->setRange(low - pad, high + pad);
  m_signal->xAxis->setLabel(axis);
  m_signal->replot(QCustomPlot::rpQueuedReplot);
  return true;
}

void ActiveQueueView::updatePlot() {
  QVector<double> x, y;
  for (const auto& [labels, acc] : m_curve) {
    x.push_back(labels);
    y.push_back(acc);
  }
  m_plot->graph(0)->setData(x, y, true);
  const double right = x.isEmpty() ? 10.0 : x.back() * 1.1 + 1.0;
  m_plot->xAxis->setRange(0, right);
  double low = 1.0;
  for (double v : y) low = std::min(low, v);
  m_plot->yAxis->setRange(y.isEmpty() ? 0.0 : std::max(0.0, low - 0.1), 1.02);
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ActiveQueueView::setStatus(const QString& text) {
  m_error = text;
  updateStatus();
}

void ActiveQueueView::updateStatus() {
  if (!m_status) return;
  if (!m_error.isEmpty()) {
    m_status->setText(m_error);
    return;
  }
  if (m_prepareJob) {
    m_status->setText(tr("Preparing the pool…"));
    return;
  }
  if (!m_learner) {
    m_status->setText(m_project ? tr("Active learning: pick a pool and a strategy, then Start")
                                : tr("Open a project to label with active learning"));
    return;
  }
  QString s =
      tr("%1 of %2 labeled · model %3").arg(labeledCount()).arg(poolSize()).arg(modelVersion());
  if (!m_curve.empty())
    s += (m_pool ? tr(" · suggestions right %1") : tr(" · validation accuracy %1"))
             .arg(m_curve.back().second, 0, 'f', 3);
  if (!m_leftOut.isEmpty()) s += tr(" · left out: %1").arg(m_leftOut);
  if (m_retrainJob) s += tr(" · retraining…");
  m_status->setText(s);
}

bool ActiveQueueView::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_table && event->type() == QEvent::KeyPress) {
    auto* key = static_cast<QKeyEvent*>(event);
    const int k = key->key();
    if ((k >= Qt::Key_1 && k <= Qt::Key_9) || k == Qt::Key_A || k == Qt::Key_N ||
        k == Qt::Key_Return || k == Qt::Key_Enter) {
      keyPressEvent(key);
      return true;
    }
  }
  return QWidget::eventFilter(watched, event);
}

void ActiveQueueView::keyPressEvent(QKeyEvent* event) {
  const int k = event->key();
  if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier)) {
    QWidget::keyPressEvent(event);
    return;
  }
  if (k == Qt::Key_Return || k == Qt::Key_Enter || k == Qt::Key_A) {
    acceptCurrent();
  } else if (k >= Qt::Key_1 && k <= Qt::Key_9) {
    assignKey(k - Qt::Key_0);
  } else if (k == Qt::Key_N || k == Qt::Key_Down) {
    nextItem();
  } else if (k == Qt::Key_Up) {
    setCurrentIndex(m_current - 1);
  } else {
    QWidget::keyPressEvent(event);
    return;
  }
  event->accept();
}

}  // namespace edgewise::gui
