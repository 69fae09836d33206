#include "app/workbench/panes/datasets/import_dataset_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <map>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/workspace.h"
#include "core/dataset/data/importers.h"
#include "core/dataset/data/simulated_dataset.h"
#include "core/labeling/agreement.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"

namespace edgewise::gui {

namespace {

QTableWidget* makeTable(int columns, QWidget* parent) {
  auto* table = new QTableWidget(0, columns, parent);
  table->verticalHeader()->hide();
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->setAlternatingRowColors(true);
  table->horizontalHeader()->setStretchLastSection(true);
  table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
  return table;
}

// The recordings table's columns.
enum RecordingColumn { RecName = 0, RecDuration, RecStream, RecLabel, RecEffective, RecColumns };

QString streamName(const store::StreamSpec& spec) {
  return QString::fromStdString(spec.deviceId + "/" + spec.topic);
}

}  // namespace

ImportDatasetDialog::ImportDatasetDialog(Workspace& workspace, QWidget* parent)
    : QDialog(parent), m_workspace(workspace) {
  setObjectName(QStringLiteral("importDatasetDialog"));
  m_format = new QComboBox(this);
  m_format->setObjectName(QStringLiteral("importFormat"));
  for (int i = 0; i <= int(Format::Recordings); ++i) m_format->addItem(QString());
  m_formatLabel = new QLabel(this);
  m_sourceLabel = new QLabel(this);
  m_source = new QLineEdit(this);
  m_source->setObjectName(QStringLiteral("importSource"));
  m_browse = new QPushButton(this);
  m_labelsLabel = new QLabel(this);
  m_labels = new QLineEdit(this);
  m_labels->setObjectName(QStringLiteral("importLabels"));
  m_browseLabels = new QPushButton(this);
  m_columnLabel = new QLabel(this);
  m_column = new QLineEdit(this);
  m_column->setObjectName(QStringLiteral("importLabelColumn"));
  m_column->setText(QStringLiteral("-1"));
  m_windowsLabel = new QLabel(this);
  m_windows = new QSpinBox(this);
  m_windows->setObjectName(QStringLiteral("importSimWindows"));
  m_windows->setRange(1, 100000);
  m_windows->setValue(200);
  m_secondsLabel = new QLabel(this);
  m_seconds = new QDoubleSpinBox(this);
  m_seconds->setObjectName(QStringLiteral("importSimSeconds"));
  m_seconds->setRange(0.1, 60.0);
  m_seconds->setDecimals(2);
  m_seconds->setSingleStep(0.5);
  m_seconds->setValue(2.0);
  m_rateLabel = new QLabel(this);
  m_rate = new QDoubleSpinBox(this);
  m_rate->setObjectName(QStringLiteral("importSimRate"));
  m_rate->setRange(1.0, 10000.0);
  m_rate->setDecimals(1);
  m_rate->setValue(50.0);
  m_seedLabel = new QLabel(this);
  m_seed = new QSpinBox(this);
  m_seed->setObjectName(QStringLiteral("importSimSeed"));
  m_seed->setRange(0, 999999);
  m_seed->setValue(7);
  m_recordingsLabel = new QLabel(this);
  m_recordings = makeTable(RecColumns, this);
  m_recordings->setObjectName(QStringLiteral("importRecordings"));
  m_recordings->setEditTriggers(
      QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
      QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
  m_recordings->setMinimumHeight(140);
  m_labelSourceLabel = new QLabel(this);
  m_labelSource = new QComboBox(this);
  m_labelSource->setObjectName(QStringLiteral("importLabelSource"));
  m_labelSource->addItem(QString());
  m_labelSource->addItem(QString());
  m_windowMsLabel = new QLabel(this);
  m_windowMs = new QSpinBox(this);
  m_windowMs->setObjectName(QStringLiteral("importWindowMs"));
  m_windowMs->setRange(10, 600000);
  m_windowMs->setSingleStep(100);
  m_windowMs->setValue(2000);
  m_strideMsLabel = new QLabel(this);
  m_strideMs = new QSpinBox(this);
  m_strideMs->setObjectName(QStringLiteral("importStrideMs"));
  m_strideMs->setRange(10, 600000);
  m_strideMs->setSingleStep(100);
  m_strideMs->setValue(1000);
  m_nameLabel = new QLabel(this);
  m_name = new QLineEdit(this);
  m_name->setObjectName(QStringLiteral("importName"));
  m_hint = new QLabel(this);
  m_hint->setWordWrap(true);
  m_hint->setObjectName(QStringLiteral("importHint"));

  auto* sourceRow = new QHBoxLayout;
  sourceRow->addWidget(m_source, 1);
  sourceRow->addWidget(m_browse);
  auto* labelsRow = new QHBoxLayout;
  labelsRow->addWidget(m_labels, 1);
  labelsRow->addWidget(m_browseLabels);

  auto* form = m_form = new QFormLayout;
  form->addRow(m_formatLabel, m_format);
  form->addRow(m_sourceLabel, sourceRow);
  form->addRow(m_labelsLabel, labelsRow);
  form->addRow(m_columnLabel, m_column);
  form->addRow(m_windowsLabel, m_windows);
  form->addRow(m_secondsLabel, m_seconds);
  form->addRow(m_rateLabel, m_rate);
  form->addRow(m_seedLabel, m_seed);
  form->addRow(m_labelSourceLabel, m_labelSource);
  form->addRow(m_recordingsLabel, m_recordings);
  form->addRow(m_windowMsLabel, m_windowMs);
  form->addRow(m_strideMsLabel, m_strideMs);
  form->addRow(m_nameLabel, m_name);

  m_progress = new QProgressBar(this);
  m_progress->setRange(0, 1000);
  m_progress->setValue(0);
  m_progress->hide();
  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("importStatus"));
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

  m_classesTitle = new QLabel(this);
  m_classes = makeTable(2, this);
  m_classes->setObjectName(QStringLiteral("importClasses"));
  m_rejectedTitle = new QLabel(this);
  m_rejected = makeTable(2, this);
  m_rejected->setObjectName(QStringLiteral("importRejected"));
  auto* reportRow = new QHBoxLayout;
  auto* classesCol = new QVBoxLayout;
  classesCol->addWidget(m_classesTitle);
  classesCol->addWidget(m_classes);
  auto* rejectedCol = new QVBoxLayout;
  rejectedCol->addWidget(m_rejectedTitle);
  rejectedCol->addWidget(m_rejected);
  reportRow->addLayout(classesCol, 1);
  reportRow->addLayout(rejectedCol, 2);

  m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  m_import = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
  m_import->setObjectName(QStringLiteral("importButton"));
  m_import->setDefault(true);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_hint);
  layout->addWidget(m_progress);
  layout->addWidget(m_status);
  layout->addLayout(reportRow, 1);
  layout->addWidget(m_buttons);

  connect(m_format, &QComboBox::currentIndexChanged, this, [this] { updateForm(); });
  connect(m_labelSource, &QComboBox::currentIndexChanged, this, [this] { updateForm(); });
  connect(m_browse, &QPushButton::clicked, this, [this] {
    const auto format = static_cast<Format>(m_format->currentIndex());
    const bool dir = format == Format::ImageFolder || format == Format::WavFolder;
    QString filter;
    if (format == Format::Digits) filter = tr("PNG images (*.png)");
    if (format == Format::Csv) filter = tr("CSV files (*.csv *.txt)");
    if (format == Format::Idx) filter = tr("IDX files (*-ubyte *-ubyte.gz *.idx *.gz)");
    browse(m_source, dir, filter);
  });
  connect(m_browseLabels, &QPushButton::clicked, this,
          [this] { browse(m_labels, false, tr("IDX files (*-ubyte *-ubyte.gz *.idx *.gz)")); });
  connect(m_source, &QLineEdit::textChanged, this, [this](const QString& text) {
    // A name to start from: the file or folder name, until the user types one.
    if (!m_name->isModified()) m_name->setText(QFileInfo(text).completeBaseName());
  });
  connect(m_import, &QPushButton::clicked, this, [this] { startImport(); });
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  // The recordings table follows the project (a recording made while the dialog is open, a
  // project switch).
  connect(&m_workspace, &Workspace::projectChanged, this, [this] { refreshRecordings(); });
  connect(&m_workspace, &Workspace::recordingsChanged, this, [this] { refreshRecordings(); });

  JobManager& jobs = JobManager::jobs();
  connect(&jobs, &JobManager::jobProgress, this,
          [this](int id, double fraction, const QString& message) {
            if (id != m_jobId) return;
            m_progress->setValue(static_cast<int>(fraction * 1000));
            if (!message.isEmpty()) m_status->setText(message);
          });
  connect(&jobs, &JobManager::jobFinished, this,
          [this](int id, JobState state, const QString& message) {
            if (id != m_jobId) return;
            finished(id, state == JobState::Succeeded, message);
          });

  retranslateUi();
  updateForm();
  resize(720, 520);
}

void ImportDatasetDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QDialog::changeEvent(event);
}

void ImportDatasetDialog::retranslateUi() {
  setWindowTitle(tr("Import Dataset"));
  m_format->setItemText(int(Format::Digits), tr("OpenCV digits.png (20x20 digits)"));
  m_format->setItemText(int(Format::Idx), tr("IDX (MNIST) image and label files"));
  m_format->setItemText(int(Format::Csv), tr("CSV with a label column"));
  m_format->setItemText(int(Format::ImageFolder), tr("Image folder (one subfolder per class)"));
  m_format->setItemText(int(Format::WavFolder), tr("WAV folder (one subfolder per class)"));
  m_format->setItemText(int(Format::SimulatedImu), tr("Simulated IMU activity"));
  m_format->setItemText(int(Format::Recordings), tr("Recordings from the capture pane"));
  m_recordingsLabel->setText(tr("&Recordings:"));
  m_recordingsLabel->setBuddy(m_recordings);
  m_recordings->setHorizontalHeaderLabels(
      {tr("Recording"), tr("Duration"), tr("Stream"), tr("Label"), tr("Effective labels")});
  m_labelSourceLabel->setText(tr("La&bels:"));
  m_labelSourceLabel->setBuddy(m_labelSource);
  m_labelSource->setItemText(int(LabelSource::Typed), tr("One label per recording (typed below)"));
  m_labelSource->setItemText(int(LabelSource::Effective),
                             tr("Labeling pane: the effective labels of each window"));
  m_windowMsLabel->setText(tr("&Window:"));
  m_windowMsLabel->setBuddy(m_windowMs);
  m_windowMs->setSuffix(tr(" ms"));
  m_strideMsLabel->setText(tr("S&tride:"));
  m_strideMsLabel->setBuddy(m_strideMs);
  m_strideMs->setSuffix(tr(" ms"));
  m_strideMs->setToolTip(
      tr("A new window starts every stride; a trailing partial window is "
         "dropped."));
  m_windowsLabel->setText(tr("&Windows per class:"));
  m_windowsLabel->setBuddy(m_windows);
  m_secondsLabel->setText(tr("Window &length:"));
  m_secondsLabel->setBuddy(m_seconds);
  m_seconds->setSuffix(tr(" s"));
  m_rateLabel->setText(tr("Sample &rate:"));
  m_rateLabel->setBuddy(m_rate);
  m_rate->setSuffix(tr(" Hz"));
  m_seedLabel->setText(tr("&Seed:"));
  m_seedLabel->setBuddy(m_seed);
  m_seed->setToolTip(tr("The same settings and seed give the same dataset on every machine"));
  m_formatLabel->setText(tr("&Format:"));
  m_formatLabel->setBuddy(m_format);
  m_nameLabel->setText(tr("Dataset &name:"));
  m_nameLabel->setBuddy(m_name);
  m_labelsLabel->setText(tr("&Labels file:"));
  m_labelsLabel->setBuddy(m_labels);
  m_columnLabel->setText(tr("Label &column:"));
  m_columnLabel->setBuddy(m_column);
  m_column->setToolTip(tr("A header name or a 0-based column index; -1 is the last column."));
  m_browse->setText(tr("Browse..."));
  m_browseLabels->setText(tr("Browse..."));
  m_import->setText(tr("&Import"));
  m_classesTitle->setText(tr("Samples per class"));
  m_rejectedTitle->setText(tr("Rejected files and rows"));
  m_classes->setHorizontalHeaderLabels({tr("Class"), tr("Samples")});
  m_rejected->setHorizontalHeaderLabels({tr("Source"), tr("Reason")});
  refreshRecordings();  // its durations and stream tooltips are translated text
  updateForm();
}

void ImportDatasetDialog::updateForm() {
  const auto format = static_cast<Format>(m_format->currentIndex());
  const bool idx = format == Format::Idx;
  const bool csv = format == Format::Csv;
  m_form->setRowVisible(2, idx);  // the labels file row (a layout, not a widget)
  const bool sim = format == Format::SimulatedImu;
  const bool recordings = format == Format::Recordings;
  m_form->setRowVisible(m_column, csv);
  // The source row (a layout): a simulation reads no file, recordings come from the project.
  m_form->setRowVisible(1, !sim && !recordings);
  for (QWidget* field : {static_cast<QWidget*>(m_recordings), static_cast<QWidget*>(m_windowMs),
                         static_cast<QWidget*>(m_strideMs), static_cast<QWidget*>(m_labelSource)})
    m_form->setRowVisible(field, recordings);
  const bool effective = m_labelSource->currentIndex() == int(LabelSource::Effective);
  m_recordings->setColumnHidden(RecLabel, effective);
  m_recordings->setColumnHidden(RecEffective, !effective);
  m_recordings->setToolTip(
      effective ? tr("Checked recordings are imported. The column shows how much of each "
                     "recording has an effective label per class, and how much is an "
                     "unresolved disagreement.")
                : tr("Type a label for each recording to import; recordings without a label "
                     "are left out."));
  if (recordings && !m_name->isModified() && m_name->text().isEmpty())
    m_name->setText(QStringLiteral("recordings"));
  for (QWidget* field : {static_cast<QWidget*>(m_windows), static_cast<QWidget*>(m_seconds),
                         static_cast<QWidget*>(m_rate), static_cast<QWidget*>(m_seed)})
    m_form->setRowVisible(field, sim);
  if (sim && !m_name->isModified() && m_name->text().isEmpty())
    m_name->setText(QStringLiteral("imu-activity"));
  switch (format) {
    case Format::Digits:
      m_sourceLabel->setText(tr("&Image file:"));
      m_hint->setText(
          tr("OpenCV's samples/data/digits.png: 5000 handwritten digits, 500 "
             "per class."));
      break;
    case Format::Idx:
      m_sourceLabel->setText(tr("&Images file:"));
      m_hint->setText(
          tr("An idx3-ubyte images file and its idx1-ubyte labels file, plain "
             "or gzip-compressed."));
      break;
    case Format::Csv:
      m_sourceLabel->setText(tr("&CSV file:"));
      m_hint->setText(
          tr("One sample per row: numeric feature columns and one label "
             "column. Rows that cannot be read are listed, not imported."));
      break;
    case Format::ImageFolder:
      m_sourceLabel->setText(tr("&Folder:"));
      m_hint->setText(
          tr("FOLDER/<class>/*.png|jpg: every image must have the size of the "
             "first one."));
      break;
    case Format::WavFolder:
      m_sourceLabel->setText(tr("&Folder:"));
      m_hint->setText(
          tr("FOLDER/<class>/*.wav: 16-bit PCM, mono or stereo, one sample "
             "rate."));
      break;
    case Format::SimulatedImu:
      m_hint->setText(
          tr("6-axis IMU windows (accelerometer and gyroscope) of idle, walk, run, stairs "
             "and fall from 8 simulated wearers, made on this machine."));
      break;
    case Format::Recordings:
      m_hint->setText(
          effective
              ? tr("Each checked recording's stream is cut into windows; a window takes the "
                   "class whose effective labels (adjudicated, unanimous, single or majority) "
                   "cover more than half of it. Other windows are skipped and counted under "
                   "Rejected. All chosen streams need the same channels and sample rate.")
              : tr("Each labelled recording's stream is cut into windows; every window gets the "
                   "recording's label. All chosen streams need the same channels and sample "
                   "rate."));
      break;
  }
  m_sourceLabel->setBuddy(m_source);
}

void ImportDatasetDialog::refreshRecordings() {
  // Keep what the user typed and chose, by recording id.
  std::map<qint64, std::pair<QString, QString>> kept;  // id -> (label, stream)
  std::map<qint64, Qt::CheckState> included;           // the effective column's check boxes
  for (int r = 0; r < m_recordings->rowCount(); ++r) {
    const qint64 id = m_recordings->item(r, RecName)->data(Qt::UserRole).toLongLong();
    auto* combo = qobject_cast<QComboBox*>(m_recordings->cellWidget(r, RecStream));
    kept[id] = {m_recordings->item(r, RecLabel)->text(), combo ? combo->currentText() : QString()};
    included[id] = m_recordings->item(r, RecEffective)->checkState();
  }
  m_recordings->setRowCount(0);
  store::Project* project = m_workspace.project();
  if (!project) return;
  auto listed = project->recordings().list();
  if (!listed.ok()) {
    m_status->setText(QString::fromStdString(listed.error().toString()));
    return;
  }
  for (const store::RecordingSummary& rec : listed.value()) {
    const int row = m_recordings->rowCount();
    m_recordings->insertRow(row);
    auto* name = new QTableWidgetItem(QString::fromStdString(rec.name));
    name->setData(Qt::UserRole, QVariant::fromValue<qint64>(rec.id));
    name->setFlags(name->flags() & ~Qt::ItemIsEditable);
    m_recordings->setItem(row, RecName, name);
    auto* duration =
        new QTableWidgetItem(tr("%1 s").arg(QLocale().toString(rec.durationSeconds(), 'f', 1)));
    duration->setFlags(duration->flags() & ~Qt::ItemIsEditable);
    duration->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_recordings->setItem(row, RecDuration, duration);
    auto* combo = new QComboBox(m_recordings);
    combo->setObjectName(QStringLiteral("importRecordingStream"));
    if (auto streams = project->recordings().streams(rec.id); streams.ok()) {
      for (const store::StreamSummary& stream : streams.value()) {
        if (stream.spec.kind != store::StreamKind::TimeSeries) continue;
        combo->addItem(streamName(stream.spec));
        combo->setItemData(combo->count() - 1,
                           tr("%n channels at %1 Hz", nullptr, int(stream.spec.channelNames.size()))
                               .arg(QLocale().toString(stream.spec.sampleRateHz, 'f', 1)),
                           Qt::ToolTipRole);
      }
    }
    if (combo->count() == 0) {
      combo->addItem(tr("(no time-series stream)"));
      combo->setEnabled(false);
    }
    auto* label = new QTableWidgetItem;
    if (auto it = kept.find(rec.id); it != kept.end()) {
      label->setText(it->second.first);
      const int index = combo->findText(it->second.second);
      if (index >= 0) combo->setCurrentIndex(index);
    }
    m_recordings->setItem(row, RecLabel, label);
    m_recordings->setCellWidget(row, RecStream, combo);
    m_recordings->setItem(row, RecEffective, effectiveLabelsItem(*project, rec.id));
    if (auto it = included.find(rec.id); it != included.end())
      m_recordings->item(row, RecEffective)->setCheckState(it->second);
  }
  m_recordings->resizeColumnsToContents();
}

QTableWidgetItem* ImportDatasetDialog::effectiveLabelsItem(store::Project& project,
                                                           qint64 recordingId) {
  auto* item = new QTableWidgetItem;
  item->setFlags((item->flags() | Qt::ItemIsUserCheckable) & ~Qt::ItemIsEditable);
  labeling::LabelRepository repo(project);
  auto labels = labeling::effectiveRecordingLabels(repo, recordingId);
  if (!labels.ok()) {
    item->setText(QString::fromStdString(labels.error().toString()));
    item->setCheckState(Qt::Unchecked);
    return item;
  }
  // Seconds per class in order of first appearance, then the unresolved time.
  std::vector<std::pair<std::string, int64_t>> perClass;
  for (const dataset::TimeLabel& t : labels->segments) {
    auto it = std::find_if(perClass.begin(), perClass.end(),
                           [&](const auto& p) { return p.first == t.label; });
    if (it == perClass.end()) it = perClass.insert(perClass.end(), {t.label, 0});
    it->second += t.endUs - t.startUs;
  }
  int64_t unresolvedUs = 0;
  for (const dataset::TimeRange& r : labels->unresolved) unresolvedUs += r.endUs - r.startUs;
  auto seconds = [](int64_t us) { return QLocale().toString(double(us) / 1e6, 'f', 1); };
  QStringList parts;
  for (const auto& [name, us] : perClass)
    parts << tr("%1 %2 s").arg(QString::fromStdString(name), seconds(us));
  if (unresolvedUs) parts << tr("%1 s unresolved").arg(seconds(unresolvedUs));
  item->setText(parts.isEmpty() ? tr("(no labels)") : parts.join(QStringLiteral(", ")));
  item->setCheckState(parts.isEmpty() ? Qt::Unchecked : Qt::Checked);
  return item;
}

bool ImportDatasetDialog::setRecordingIncluded(qint64 recordingId, bool included) {
  for (int r = 0; r < m_recordings->rowCount(); ++r) {
    if (m_recordings->item(r, RecName)->data(Qt::UserRole).toLongLong() != recordingId) continue;
    m_recordings->item(r, RecEffective)->setCheckState(included ? Qt::Checked : Qt::Unchecked);
    return true;
  }
  return false;
}

void ImportDatasetDialog::setLabelSource(LabelSource source) {
  m_labelSource->setCurrentIndex(int(source));
}

bool ImportDatasetDialog::setRecordingLabel(qint64 recordingId, const QString& label,
                                            const QString& stream) {
  for (int r = 0; r < m_recordings->rowCount(); ++r) {
    if (m_recordings->item(r, RecName)->data(Qt::UserRole).toLongLong() != recordingId) continue;
    if (!stream.isEmpty()) {
      auto* combo = qobject_cast<QComboBox*>(m_recordings->cellWidget(r, RecStream));
      const int index = combo && combo->isEnabled() ? combo->findText(stream) : -1;
      if (index < 0) return false;
      combo->setCurrentIndex(index);
    }
    m_recordings->item(r, RecLabel)->setText(label);
    return true;
  }
  return false;
}

void ImportDatasetDialog::setRecordingWindowing(int windowMs, int strideMs) {
  m_windowMs->setValue(windowMs);
  m_strideMs->setValue(strideMs);
}

void ImportDatasetDialog::browse(QLineEdit* edit, bool directory, const QString& filter) {
  const QString start = edit->text().isEmpty() ? QString() : QFileInfo(edit->text()).path();
  const QString chosen =
      directory ? QFileDialog::getExistingDirectory(this, tr("Choose a folder"), start)
                : QFileDialog::getOpenFileName(this, tr("Choose a file"), start, filter);
  if (!chosen.isEmpty()) edit->setText(chosen);
}

void ImportDatasetDialog::setFormat(Format format) {
  m_format->setCurrentIndex(int(format));
}
void ImportDatasetDialog::setSource(const QString& pathOrDir) {
  m_source->setText(pathOrDir);
}
void ImportDatasetDialog::setIdxFiles(const QString& images, const QString& labels) {
  m_source->setText(images);
  m_labels->setText(labels);
}
void ImportDatasetDialog::setSimulation(int windowsPerClass, double windowSeconds, double rateHz,
                                        int seed) {
  m_windows->setValue(windowsPerClass);
  m_seconds->setValue(windowSeconds);
  m_rate->setValue(rateHz);
  m_seed->setValue(seed);
}
void ImportDatasetDialog::setCsvLabelColumn(const QString& column) {
  m_column->setText(column);
}
void ImportDatasetDialog::setDatasetName(const QString& name) {
  m_name->setText(name);
  m_name->setModified(true);
}

bool ImportDatasetDialog::startImport() {
  if (m_jobId != 0) return false;
  auto fail = [this](const QString& text) {
    m_lastError = text;
    m_status->setText(text);
    return false;
  };
  if (!m_workspace.project()) return fail(tr("Open or create a project first (File > Open)."));
  const auto format = static_cast<Format>(m_format->currentIndex());
  const QString source = m_source->text().trimmed();
  const QString labels = m_labels->text().trimmed();
  const QString name = m_name->text().trimmed();
  const bool sim = format == Format::SimulatedImu;
  const bool fromRecordings = format == Format::Recordings;
  std::vector<dataset::RecordingSource> recordingSources;
  const bool effective = m_labelSource->currentIndex() == int(LabelSource::Effective);
  if (fromRecordings) {
    for (int r = 0; r < m_recordings->rowCount(); ++r) {
      const QString label = m_recordings->item(r, RecLabel)->text().trimmed();
      if (effective ? m_recordings->item(r, RecEffective)->checkState() != Qt::Checked
                    : label.isEmpty())
        continue;
      dataset::RecordingSource rs;
      rs.recordingId = m_recordings->item(r, RecName)->data(Qt::UserRole).toLongLong();
      // Effective labels are read by the job, on its own connection.
      if (!effective) rs.label = label.toStdString();
      auto* combo = qobject_cast<QComboBox*>(m_recordings->cellWidget(r, RecStream));
      // A recording without a time-series stream goes through with an empty stream, so the
      // importer lists it as rejected with its reason.
      if (combo && combo->isEnabled()) rs.stream = combo->currentText().toStdString();
      recordingSources.push_back(std::move(rs));
    }
    if (recordingSources.empty())
      return fail(effective ? tr("Check at least one recording to import.")
                            : tr("Type a label for at least one recording to import."));
  }
  if (source.isEmpty() && !sim && !fromRecordings) return fail(tr("Choose what to import."));
  if (format == Format::Idx && labels.isEmpty()) return fail(tr("Choose the IDX labels file."));
  if (name.isEmpty()) return fail(tr("Give the dataset a name."));

  // The worker gets its own connection, opened here while the GUI's project is surely alive
  // (a project switch during the import cannot pull it away) and used only by the worker.
  // Not Project::open(): that marks a running recording of this project as interrupted.
  auto opened = m_workspace.project()->openAnotherConnection();
  if (!opened.ok()) return fail(QString::fromStdString(opened.error().toString()));
  std::shared_ptr<store::Project> connection = std::move(opened.value());
  const std::string src = source.toStdString();
  const std::string lab = labels.toStdString();
  const std::string column = m_column->text().trimmed().toStdString();
  const std::string datasetName = name.toStdString();
  const int simWindows = m_windows->value();
  const double simSeconds = m_seconds->value();
  const double simRate = m_rate->value();
  const auto simSeed = static_cast<uint64_t>(m_seed->value());
  dataset::RecordingWindowing windowing;
  windowing.windowMs = m_windowMs->value();
  windowing.strideMs = m_strideMs->value();
  const int recordingCount = static_cast<int>(recordingSources.size());
  auto pending = std::make_shared<std::optional<dataset::ImportReport>>();
  m_pending = pending;
  m_report.reset();
  m_lastError.clear();

  const QString title = tr("Import dataset %1").arg(name);
  m_jobId = JobManager::jobs().start(title, [=](JobContext& context) -> Result<QString> {
    context.setProgress(0.05, sim ? tr("Simulating IMU windows")
                              : fromRecordings
                                  ? tr("Reading %n recordings", nullptr, recordingCount)
                                  : tr("Reading %1").arg(QString::fromStdString(src)));
    Result<dataset::ParsedDataset> parsed = [&]() -> Result<dataset::ParsedDataset> {
      switch (format) {
        case Format::Digits:
          return dataset::readDigitsPng(src);
        case Format::Idx:
          return dataset::readIdx({dataset::IdxPair{src, lab}});
        case Format::Csv: {
          dataset::CsvOptions options;
          options.file = src;
          options.labelColumn = column.empty() ? std::string("-1") : column;
          return dataset::readCsv(options);
        }
        case Format::ImageFolder:
          return dataset::readImageFolder(src);
        case Format::WavFolder:
          return dataset::readWavFolder(src);
        case Format::SimulatedImu:
          return dataset::simulateImuActivityDataset(simWindows, simSeconds, simRate, simSeed);
        case Format::Recordings: {
          std::vector<std::optional<dataset::RecordingLabels>> effectiveLabels;
          labeling::LabelRepository labels(*connection);
          for (const dataset::RecordingSource& rs : recordingSources) {
            if (!effective) break;
            auto read = labeling::effectiveRecordingLabels(labels, rs.recordingId);
            if (!read.ok()) return read.error();
            effectiveLabels.emplace_back(std::move(read.value()));
          }
          return dataset::readRecordings(*connection, recordingSources, windowing, effectiveLabels);
        }
      }
      return Error("unknown import format");
    }();
    if (!parsed.ok()) return parsed.error();
    if (context.isCancelled()) return JobContext::cancelledError();
    context.setProgress(
        0.6, tr("Writing %n samples", nullptr, static_cast<int>(parsed.value().samples.size())));
    Result<dataset::ImportReport> report =
        dataset::importDataset(*connection, datasetName, parsed.value());
    if (!report.ok()) return report.error();
    const auto count = static_cast<int>(report.value().dataset.sampleCount);
    const auto rejected = static_cast<int>(report.value().rejected.size());
    *pending = std::move(report.value());
    QString summary =
        tr("Imported %1: %n samples", nullptr, count).arg(QString::fromStdString(datasetName));
    if (rejected) summary += tr(", %n rejected", nullptr, rejected);
    return summary;
  });
  m_progress->setValue(0);
  m_progress->show();
  m_import->setEnabled(false);
  m_status->setText(tr("Importing..."));
  m_classes->setRowCount(0);
  m_rejected->setRowCount(0);
  return true;
}

void ImportDatasetDialog::finished(int, bool ok, const QString& message) {
  m_jobId = 0;
  m_import->setEnabled(true);
  m_progress->hide();
  if (ok && m_pending && m_pending->has_value()) {
    m_report = std::move(**m_pending);
    m_status->setText(message);
    showReport(*m_report);
    // Panes that list datasets refresh on this signal (an import changes the project's data).
    m_workspace.notifyDatasetsChanged();
  } else {
    m_lastError = message;
    m_status->setText(tr("Import failed: %1").arg(message));
  }
  m_pending.reset();
  Q_EMIT importFinished(ok);
}

void ImportDatasetDialog::showReport(const dataset::ImportReport& report) {
  const auto& names = report.dataset.classNames;
  m_classes->setRowCount(static_cast<int>(names.size()));
  for (size_t i = 0; i < names.size(); ++i) {
    m_classes->setItem(int(i), 0, new QTableWidgetItem(QString::fromStdString(names[i])));
    const qint64 n = i < report.samplesPerClass.size() ? report.samplesPerClass[i] : 0;
    auto* count = new QTableWidgetItem(QString::number(n));
    count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_classes->setItem(int(i), 1, count);
  }
  m_rejected->setRowCount(static_cast<int>(report.rejected.size()));
  for (size_t i = 0; i < report.rejected.size(); ++i) {
    m_rejected->setItem(int(i), 0,
                        new QTableWidgetItem(QString::fromStdString(report.rejected[i].source)));
    auto* reason = new QTableWidgetItem(QString::fromStdString(report.rejected[i].reason));
    reason->setToolTip(reason->text());  // long reasons are elided in the cell
    m_rejected->setItem(int(i), 1, reason);
  }
  m_classes->resizeColumnsToContents();
  m_rejected->resizeColumnToContents(0);
}

}  // namespace edgewise::gui
