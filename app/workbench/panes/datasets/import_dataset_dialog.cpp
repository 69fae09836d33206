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
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/workspace.h"
#include "core/dataset/data/importers.h"
#include "core/dataset/data/simulated_dataset.h"
#include "core/store/project.h"

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

}  // namespace

ImportDatasetDialog::ImportDatasetDialog(Workspace& workspace, QWidget* parent)
    : QDialog(parent), m_workspace(workspace) {
  setObjectName(QStringLiteral("importDatasetDialog"));
  m_format = new QComboBox(this);
  m_format->setObjectName(QStringLiteral("importFormat"));
  for (int i = 0; i <= int(Format::SimulatedImu); ++i) m_format->addItem(QString());
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
  updateForm();
}

void ImportDatasetDialog::updateForm() {
  const auto format = static_cast<Format>(m_format->currentIndex());
  const bool idx = format == Format::Idx;
  const bool csv = format == Format::Csv;
  m_form->setRowVisible(2, idx);  // the labels file row (a layout, not a widget)
  const bool sim = format == Format::SimulatedImu;
  m_form->setRowVisible(m_column, csv);
  m_form->setRowVisible(1, !sim);  // the source row (a layout): a simulation reads no file
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
  }
  m_sourceLabel->setBuddy(m_source);
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
  if (source.isEmpty() && !sim) return fail(tr("Choose what to import."));
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
  auto pending = std::make_shared<std::optional<dataset::ImportReport>>();
  m_pending = pending;
  m_report.reset();
  m_lastError.clear();

  const QString title = tr("Import dataset %1").arg(name);
  m_jobId = JobManager::jobs().start(title, [=](JobContext& context) -> Result<QString> {
    context.setProgress(0.05, sim ? tr("Simulating IMU windows")
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
    m_rejected->setItem(int(i), 1,
                        new QTableWidgetItem(QString::fromStdString(report.rejected[i].reason)));
  }
  m_classes->resizeColumnsToContents();
  m_rejected->resizeColumnToContents(0);
}

}  // namespace edgewise::gui
