#include "app/workbench/panes/capture/recording_panel.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/panes/capture/capture_format.h"
#include "app/workbench/panes/capture/recordings_model.h"
#include "app/workbench/widgets/elided_label.h"
#include "app/workbench/workspace.h"
#include "core/store/project.h"
#include "core/util/clock.h"

namespace edgewise::gui {

RecordingPanel::RecordingPanel(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace) {
  m_record = new QPushButton(this);
  m_record->setObjectName(QStringLiteral("recordButton"));
  m_record->setCheckable(true);
  m_record->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
  connect(m_record, &QPushButton::clicked, this, [this] { toggleRecording(); });
  auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this);
  shortcut->setContext(Qt::WindowShortcut);
  connect(shortcut, &QShortcut::activated, this, [this] {
    if (m_record->isEnabled()) toggleRecording();
  });

  m_name = new QLineEdit(this);
  m_name->setObjectName(QStringLiteral("recordingName"));
  m_name->setMinimumWidth(80);
  m_scope = new QComboBox(this);
  m_scope->setObjectName(QStringLiteral("recordingScope"));
  m_scope->addItem(QString());
  m_scope->addItem(QString());
  // Long translations ("Alle abonnierten Topics") must not set the pane's minimum width.
  m_scope->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_scope->setMinimumContentsLength(22);
  m_stats = new ElidedLabel(this);
  m_stats->setObjectName(QStringLiteral("recordingStats"));

  auto* controls = new QHBoxLayout;
  controls->setContentsMargins(0, 0, 0, 0);
  controls->addWidget(m_record);
  controls->addWidget(m_name, 2);
  controls->addWidget(m_scope, 1);
  controls->addWidget(m_stats, 2);

  m_model = new RecordingsModel(this);
  m_proxy = new QSortFilterProxyModel(this);
  m_proxy->setSourceModel(m_model);
  m_proxy->setSortRole(RecordingsModel::SortRole);
  m_view = new QTableView(this);
  m_view->setObjectName(QStringLiteral("recordingsView"));
  m_view->setModel(m_proxy);
  m_view->setSortingEnabled(true);
  m_view->sortByColumn(RecordingsModel::StartedColumn, Qt::DescendingOrder);
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setSelectionMode(QAbstractItemView::SingleSelection);
  m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
  m_view->setAlternatingRowColors(true);
  m_view->verticalHeader()->hide();
  m_view->horizontalHeader()->setSectionResizeMode(RecordingsModel::NameColumn,
                                                   QHeaderView::Stretch);
  m_view->horizontalHeader()->setDefaultSectionSize(90);
  m_view->setColumnWidth(RecordingsModel::StartedColumn, 140);
  m_deleteAction = new QAction(m_view);
  auto* del = m_deleteAction;
  del->setShortcut(QKeySequence::Delete);
  del->setShortcutContext(Qt::WidgetShortcut);
  connect(del, &QAction::triggered, this, &RecordingPanel::deleteSelected);
  m_view->addAction(del);

  m_delete = new QPushButton(this);
  m_delete->setObjectName(QStringLiteral("deleteRecordingButton"));
  connect(m_delete, &QPushButton::clicked, this, &RecordingPanel::deleteSelected);
  m_export = new QPushButton(this);
  m_export->setObjectName(QStringLiteral("exportCsvButton"));
  connect(m_export, &QPushButton::clicked, this, &RecordingPanel::exportSelected);
  m_rename = new QPushButton(this);
  m_rename->setObjectName(QStringLiteral("renameRecordingButton"));
  auto* rename = m_rename;
  connect(rename, &QPushButton::clicked, this, [this] {
    const QModelIndex idx = m_view->currentIndex();
    if (idx.isValid()) m_view->edit(idx.siblingAtColumn(RecordingsModel::NameColumn));
  });
  auto* tableButtons = new QHBoxLayout;
  tableButtons->setContentsMargins(0, 0, 0, 0);
  m_tableTitle = new QLabel(this);
  m_tableTitle->setObjectName(QStringLiteral("recordingsTitle"));
  tableButtons->addWidget(m_tableTitle);
  tableButtons->addStretch(1);
  tableButtons->addWidget(rename);
  tableButtons->addWidget(m_delete);
  tableButtons->addWidget(m_export);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(controls);
  layout->addLayout(tableButtons);
  layout->addWidget(m_view, 1);

  connect(m_model, &RecordingsModel::recordingsEdited, &m_workspace,
          &Workspace::notifyRecordingsChanged);
  connect(m_model, &RecordingsModel::errorOccurred, this, &RecordingPanel::statusMessage);
  connect(&m_workspace, &Workspace::projectChanged, this, &RecordingPanel::onProjectChanged);
  connect(&m_workspace, &Workspace::recordingsChanged, this, [this] { (void)m_model->refresh(); });
  connect(&m_workspace.capture(), &capture::CaptureSession::recordingStateChanged, this,
          [this] { updateUiState(); });
  connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &RecordingPanel::updateUiState);
  retranslateUi();
  onProjectChanged();
}

void RecordingPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void RecordingPanel::retranslateUi() {
  m_name->setPlaceholderText(tr("Recording name (optional)"));
  m_scope->setItemText(0, tr("All subscribed topics"));
  m_scope->setItemText(1, tr("Checked topics"));
  m_scope->setToolTip(tr("Record every subscribed topic, or only those ticked in the topic tree"));
  m_deleteAction->setText(tr("Delete"));
  m_delete->setText(tr("Delete"));
  m_export->setText(tr("Export CSV..."));
  m_rename->setText(tr("Rename"));
  m_rename->setToolTip(tr("Rename the selected recording (F2 or double-click)"));
  m_tableTitle->setText(tr("Recordings"));
  m_model->retranslate();
  updateUiState();
  updateStats();
}

RecordingPanel::~RecordingPanel() = default;

void RecordingPanel::setCheckedTopicsProvider(std::function<QStringList()> provider) {
  m_checkedTopics = std::move(provider);
}

void RecordingPanel::setRecordingName(const QString& name) {
  m_name->setText(name);
}

void RecordingPanel::setScope(Scope scope) {
  m_scope->setCurrentIndex(scope == Scope::CheckedTopics ? 1 : 0);
}

bool RecordingPanel::isRecording() const {
  return m_workspace.capture().isRecording();
}

void RecordingPanel::onProjectChanged() {
  m_model->setProject(m_workspace.project());
  updateUiState();
}

Result<int64_t> RecordingPanel::startRecording(const QStringList& topicFilters) {
  if (!m_workspace.project())
    return Error(tr("Open or create a project first: recordings are stored in it.").toStdString());
  capture::RecordingOptions options;
  options.projectPath = m_workspace.project()->path();
  options.name = m_name->text().trimmed().toStdString();
  QStringList topics = topicFilters;
  if (topics.isEmpty() && m_scope->currentIndex() == 1 && m_checkedTopics) {
    topics = m_checkedTopics();
    if (topics.isEmpty())
      return Error(tr("No topic is checked in the topic tree: tick the topics to record, or "
                      "choose \"All subscribed topics\".")
                       .toStdString());
  }
  for (const QString& t : topics) options.topicFilters.push_back(t.toStdString());
  auto started = m_workspace.capture().startRecording(options);
  if (!started.ok()) {
    Q_EMIT statusMessage(
        tr("Could not start recording: %1").arg(toQString(started.error().toString())));
    updateUiState();
    return started;
  }
  m_startedMs = QDateTime::currentMSecsSinceEpoch();
  Q_EMIT statusMessage(tr("Recording started"));
  updateUiState();
  (void)m_model->refresh();
  return started;
}

Result<store::RecordingSummary> RecordingPanel::stopRecording() {
  auto summary = m_workspace.capture().stopRecording();
  updateUiState();
  if (!summary.ok()) {
    Q_EMIT statusMessage(
        tr("Recording stopped with an error: %1").arg(toQString(summary.error().toString())));
  } else {
    Q_EMIT statusMessage(tr("Recorded \"%1\": %2 samples in %3 messages")
                             .arg(toQString(summary->name), formatCount(summary->sampleCount),
                                  formatCount(summary->messageCount)));
  }
  m_workspace.notifyRecordingsChanged();
  (void)m_model->refresh();
  return summary;
}

void RecordingPanel::toggleRecording() {
  if (isRecording()) {
    (void)stopRecording();
    return;
  }
  auto r = startRecording();
  if (!r.ok()) {
    m_record->setChecked(false);
    QMessageBox::warning(this, tr("Record"), toQString(r.error().toString()));
  }
}

void RecordingPanel::updateStats() {
  if (!isRecording()) return;
  const capture::RecorderStats st = m_workspace.capture().recorderStats();
  const double elapsed = (QDateTime::currentMSecsSinceEpoch() - m_startedMs) / 1000.0;
  QString text = tr("\u25cf %1   %2 samples   %3 messages   %4 pending")
                     .arg(formatDuration(elapsed), formatCount(st.samplesStored),
                          formatCount(st.messagesStored), formatCount(st.pending));
  if (!st.lastError.empty()) text += QStringLiteral("   ") + toQString(st.lastError);
  m_stats->setText(text);
}

void RecordingPanel::updateUiState() {
  const bool recording = isRecording();
  const bool haveProject = m_workspace.project() != nullptr;
  m_record->setEnabled(haveProject || recording);
  m_record->setChecked(recording);
  m_record->setText(recording ? tr("Stop") : tr("Record"));
  m_record->setIcon(style()->standardIcon(recording ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
  m_record->setToolTip(!haveProject ? tr("Open or create a project to record (File menu)")
                       : recording  ? tr("Stop recording (Ctrl+R)")
                                    : tr("Start recording (Ctrl+R)"));
  m_record->setStyleSheet(recording ? QStringLiteral("QPushButton{color:#e5484d;font-weight:bold;}")
                                    : QString());
  m_name->setEnabled(!recording);
  m_scope->setEnabled(!recording);
  if (!recording) m_stats->setText(haveProject ? QString() : tr("No project open"));
  const bool selected = selectedId() != 0;
  m_delete->setEnabled(selected);
  m_export->setEnabled(selected);
}

int64_t RecordingPanel::selectedId() const {
  const QModelIndex idx = m_view->selectionModel() ? m_view->currentIndex() : QModelIndex();
  if (!idx.isValid() || !m_view->selectionModel()->isSelected(idx)) return 0;
  return m_proxy->data(idx, RecordingsModel::IdRole).toLongLong();
}

void RecordingPanel::deleteSelected() {
  const int64_t id = selectedId();
  if (id == 0) return;
  const auto* s = m_model->summary(m_model->rowForId(id));
  const QString name = s ? toQString(s->name) : QString::number(id);
  if (QMessageBox::question(this, tr("Delete recording"),
                            tr("Delete the recording \"%1\" and all its samples? This cannot "
                               "be undone.")
                                .arg(name)) != QMessageBox::Yes)
    return;
  (void)m_model->remove(id);
}

void RecordingPanel::exportSelected() {
  const int64_t id = selectedId();
  if (id == 0) return;
  const auto* s = m_model->summary(m_model->rowForId(id));
  const QString suggested =
      (s ? toQString(s->name) : QStringLiteral("recording")) + QStringLiteral(".csv");
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Export CSV"), suggested, tr("CSV files (*.csv)"));
  if (path.isEmpty()) return;
  exportCsv(id, path, [this](bool ok, const QString& message) {
    if (ok)
      QMessageBox::information(this, tr("Export CSV"), message);
    else
      QMessageBox::warning(this, tr("Export CSV"), message);
  });
}

void RecordingPanel::exportCsv(int64_t recordingId, const QString& path,
                               std::function<void(bool, const QString&)> done) {
  if (!m_workspace.project()) {
    if (done) done(false, tr("No project is open."));
    return;
  }
  // The project connection belongs to the GUI thread: the worker opens its own.
  const std::string projectPath = m_workspace.project()->path();
  const std::string target = path.toStdString();
  // Through the JobManager: the export shows in the Jobs pane with its outcome.
  JobManager& jobs = JobManager::jobs();
  const QString title = tr("Export CSV %1").arg(QFileInfo(path).fileName());
  const int jobId = jobs.start(
      title, [projectPath, target, recordingId, path](JobContext& context) -> Result<QString> {
        context.setProgress(0, tr("Opening the project"));
        auto project = store::Project::open(projectPath, store::OpenMode::OpenExisting);
        if (!project.ok()) return project.error();
        context.setProgress(0.1, tr("Writing %1").arg(path));
        Result<void> r = project.value()->recordings().exportCsv(recordingId, target);
        if (!r.ok()) return r.error();
        return tr("Exported to %1").arg(path);
      });
  Q_EMIT statusMessage(tr("Exporting to %1...").arg(path));
  auto connection = std::make_shared<QMetaObject::Connection>();
  *connection =
      connect(&jobs, &JobManager::jobFinished, this,
              [this, jobId, connection, done](int id, JobState state, const QString& message) {
                if (id != jobId) return;
                disconnect(*connection);
                const bool ok = state == JobState::Succeeded;
                const QString text = ok ? message : tr("Export failed: %1").arg(message);
                Q_EMIT statusMessage(text);
                if (done) done(ok, text);
              });
}

}  // namespace edgewise::gui
