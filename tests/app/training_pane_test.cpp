// Qt Test for the Training pane and the dataset import dialog, against real project files in
// a QTemporaryDir: digits.png imported through the dialog's job, real training runs (kNN and
// a 2-epoch MLP) through the pane's job, the model table, the confusion matrix and the
// samples listed for a clicked cell, checked against an independent evaluation of the stored
// model (registry load + prepareVersion + predictBatch + computeMetrics).

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <set>

#include "app/workbench/builtin_panes.h"
#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/main_window.h"
#include "app/workbench/panes/datasets/import_dataset_dialog.h"
#include "app/workbench/panes/training/confusion_matrix_widget.h"
#include "app/workbench/panes/training/models_table_model.h"
#include "app/workbench/panes/training/search_trials_view.h"
#include "app/workbench/panes/training/training_pane.h"
#include "app/workbench/widgets/qcustomplot_include.h"
#include "app/workbench/workspace.h"
#include "core/dataset/data/dataset_repository.h"
#include "core/dataset/data/importers.h"
#include "core/dataset/data/simulated_dataset.h"
#include "core/store/project.h"
#include "core/training/metrics.h"
#include "core/training/service/data_prep.h"
#include "core/training/service/model_registry.h"
#include "tests/app/gui_test_util.h"

using namespace edgewise;
using namespace edgewise::gui;
using edgewise::test::digitsPath;
using edgewise::test::screenshotDir;

namespace {

// A small tabular dataset written as CSV (3 classes, 2 features, one bad row).
QString writeCsv(const QString& dir) {
  const QString path = dir + QStringLiteral("/blobs.csv");
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return {};
  file.write("x,y,label\n");
  for (int i = 0; i < 60; ++i) {
    const int c = i % 3;
    file.write(QByteArray::number(c * 3 + (i % 5) * 0.1) + ',' +
               QByteArray::number(c * -2 + (i % 7) * 0.1) + ",c" + QByteArray::number(c) + '\n');
  }
  file.write("oops,1,c0\n");
  return path;
}

// What the stored model predicts on the test split of its own version, computed without the
// pane: the reference the pane's matrix and sample lists must match.
struct Reference {
  training::Metrics metrics;
  std::vector<int> truth, predicted;
  std::vector<int64_t> ids;
};

Reference evaluateIndependently(store::Project& project, int64_t modelId) {
  Reference ref;
  training::ModelRegistry registry(project);
  auto record = registry.get(modelId);
  if (!record.ok()) return ref;
  auto model = registry.load(modelId);
  if (!model.ok()) return ref;
  auto data = training::prepareVersion(project, record.value().snapshotId, record.value().features);
  if (!data.ok()) return ref;
  ref.truth = data.value().test.y;
  ref.ids = data.value().test.sampleIds;
  ref.predicted = model.value()->predictBatch(data.value().test.X);
  auto metrics = training::computeMetrics(ref.truth, ref.predicted, record.value().numClasses());
  if (metrics.ok()) ref.metrics = metrics.value();
  return ref;
}

// Every step-th digit (a balanced subset: digits.png holds 500 per class in label order).
dataset::ParsedDataset digitsSubset(int step) {
  auto digits = dataset::readDigitsPng(digitsPath().toStdString());
  if (!digits.ok()) return {};
  dataset::ParsedDataset subset;
  subset.info = digits.value().info;
  for (size_t i = 0; i < digits.value().samples.size(); i += size_t(step))
    subset.samples.push_back(digits.value().samples[i]);
  return subset;
}

}  // namespace

class TrainingPaneTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase();
  void init();
  void importDialogDigits();
  void importDialogErrors();
  void importDialogSimulatedImu();
  void paneListsDatasets();
  void knnTrainingFillsTableAndConfusion();
  void mlpTwoEpochsCurves();
  void tabularSamplesArePlotted();
  void searchListsTrialsAndRegistersBest();
  void screenshot();

 private:
  QString projectFile(const QString& name) const { return m_dir->filePath(name); }
  std::unique_ptr<QTemporaryDir> m_dir;
  std::unique_ptr<QTemporaryDir> m_settingsDir;
  std::unique_ptr<QTranslator> m_english;
};

void TrainingPaneTest::initTestCase() {
  QStandardPaths::setTestModeEnabled(true);
  m_settingsDir = std::make_unique<QTemporaryDir>();
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir->path());
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir->path());
  QCoreApplication::setOrganizationName(QStringLiteral("Edgewise"));
  QCoreApplication::setApplicationName(QStringLiteral("Edgewise"));
  QVERIFY2(QFileInfo::exists(digitsPath()), qPrintable(digitsPath()));
  // English plural forms ("1 test sample", "5 test samples"), as the language manager loads.
  m_english = std::make_unique<QTranslator>();
  QVERIFY(m_english->load(QStringLiteral(":/i18n/edgewise_en")));
  QCoreApplication::installTranslator(m_english.get());
}

void TrainingPaneTest::init() {
  m_dir = std::make_unique<QTemporaryDir>();
  QVERIFY(m_dir->isValid());
}

void TrainingPaneTest::importDialogDigits() {
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(projectFile(QStringLiteral("p.edgewise")), true).ok());
  QSignalSpy changed(&workspace, &Workspace::datasetsChanged);

  ImportDatasetDialog dialog(workspace);
  QSignalSpy finished(&dialog, &ImportDatasetDialog::importFinished);
  dialog.setFormat(ImportDatasetDialog::Format::Digits);
  dialog.setSource(digitsPath());
  // The name follows the file until the user types one.
  QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("importName"))->text(),
           QStringLiteral("digits"));
  dialog.setDatasetName(QStringLiteral("handwritten"));
  QVERIFY(dialog.startImport());
  QVERIFY(dialog.isRunning());
  QVERIFY(finished.wait(60000));
  QCOMPARE(finished.at(0).at(0).toBool(), true);
  QCOMPARE(changed.count(), 1);

  QVERIFY(dialog.report().has_value());
  const dataset::ImportReport& report = *dialog.report();
  QCOMPARE(report.dataset.classNames.size(), size_t(10));
  QCOMPARE(report.samplesPerClass, std::vector<int64_t>(10, 500));
  QVERIFY(report.rejected.empty());
  // The report as the user sees it: ten rows of "<class> 500".
  auto* classes = dialog.findChild<QTableWidget*>(QStringLiteral("importClasses"));
  QCOMPARE(classes->rowCount(), 10);
  for (int r = 0; r < 10; ++r) {
    QCOMPARE(classes->item(r, 0)->text(), QString::number(r));
    QCOMPARE(classes->item(r, 1)->text(), QStringLiteral("500"));
  }
  QCOMPARE(dialog.findChild<QTableWidget*>(QStringLiteral("importRejected"))->rowCount(), 0);
  QVERIFY(dialog.grab().save(screenshotDir() + QStringLiteral("/import_dialog.png"), "PNG"));
  QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("importStatus"))
              ->text()
              .contains(QStringLiteral("5000")));

  // It is really in the project file.
  dataset::DatasetRepository repo(*workspace.project());
  auto stored = repo.findByName("handwritten");
  QVERIFY(stored.ok());
  QCOMPARE(stored.value().sampleCount, int64_t(5000));
  QCOMPARE(stored.value().imageWidth, 20);
}

void TrainingPaneTest::importDialogErrors() {
  JobManager jobs;
  Workspace workspace;
  ImportDatasetDialog noProject(workspace);
  noProject.setSource(digitsPath());
  QVERIFY(!noProject.startImport());
  QVERIFY(noProject.lastError().contains(QStringLiteral("project")));

  QVERIFY(workspace.openProject(projectFile(QStringLiteral("e.edgewise")), true).ok());
  ImportDatasetDialog dialog(workspace);
  QSignalSpy finished(&dialog, &ImportDatasetDialog::importFinished);
  dialog.setFormat(ImportDatasetDialog::Format::Digits);
  dialog.setSource(m_dir->filePath(QStringLiteral("missing.png")));
  QVERIFY(dialog.startImport());
  QVERIFY(finished.wait(30000));
  QCOMPARE(finished.at(0).at(0).toBool(), false);
  QVERIFY(!dialog.lastError().isEmpty());
  QVERIFY(!dialog.report().has_value());
  QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("importStatus"))
              ->text()
              .startsWith(QStringLiteral("Import failed")));

  // IDX without its labels file is refused before any job starts.
  dialog.setFormat(ImportDatasetDialog::Format::Idx);
  dialog.setIdxFiles(m_dir->filePath(QStringLiteral("x-idx3-ubyte")), QString());
  QVERIFY(!dialog.startImport());

  // CSV: the bad row is reported with its reason, the rest imported.
  const QString csv = writeCsv(m_dir->path());
  dialog.setFormat(ImportDatasetDialog::Format::Csv);
  dialog.setSource(csv);
  dialog.setCsvLabelColumn(QStringLiteral("label"));
  dialog.setDatasetName(QStringLiteral("blobs"));
  finished.clear();
  QVERIFY(dialog.startImport());
  QVERIFY(finished.wait(30000));
  QCOMPARE(finished.at(0).at(0).toBool(), true);
  QCOMPARE(dialog.report()->samplesPerClass, std::vector<int64_t>(3, 20));
  auto* rejected = dialog.findChild<QTableWidget*>(QStringLiteral("importRejected"));
  QCOMPARE(rejected->rowCount(), 1);
  QVERIFY(dialog.grab().save(screenshotDir() + QStringLiteral("/import_dialog_csv.png"), "PNG"));
  QVERIFY(!rejected->item(0, 1)->text().isEmpty());

  // Importing the same name again fails and leaves the first import as it was.
  finished.clear();
  QVERIFY(dialog.startImport());
  QVERIFY(finished.wait(30000));
  QCOMPARE(finished.at(0).at(0).toBool(), false);
  dataset::DatasetRepository repo(*workspace.project());
  auto list = repo.list();
  QVERIFY(list.ok());
  QCOMPARE(list.value().size(), size_t(1));
  QCOMPARE(list.value()[0].sampleCount, int64_t(60));
}

void TrainingPaneTest::importDialogSimulatedImu() {
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(projectFile(QStringLiteral("imu.edgewise")), true).ok());
  ImportDatasetDialog dialog(workspace);
  QSignalSpy finished(&dialog, &ImportDatasetDialog::importFinished);
  dialog.setFormat(ImportDatasetDialog::Format::SimulatedImu);
  // No file to choose: the source row is hidden and the simulation's fields are shown.
  QVERIFY(!dialog.findChild<QLineEdit*>(QStringLiteral("importSource"))->isVisibleTo(&dialog));
  QVERIFY(dialog.findChild<QSpinBox*>(QStringLiteral("importSimWindows"))->isVisibleTo(&dialog));
  QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("importName"))->text(),
           QStringLiteral("imu-activity"));
  dialog.setSimulation(4, 1.5, 40.0, 11);
  QVERIFY(dialog.startImport());
  QVERIFY(finished.wait(60000));
  QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dialog.lastError()));

  // The same as calling the simulator directly with these arguments.
  auto direct = dataset::simulateImuActivityDataset(4, 1.5, 40.0, 11);
  QVERIFY(direct.ok());
  const dataset::ImportReport& report = *dialog.report();
  QCOMPARE(report.dataset.classNames, direct.value().info.classNames);
  QCOMPARE(report.dataset.classNames.size(), size_t(5));
  QCOMPARE(report.samplesPerClass, std::vector<int64_t>(5, 4));
  QCOMPARE(report.dataset.kind, dataset::DatasetKind::Timeseries);
  dataset::DatasetRepository repo(*workspace.project());
  auto stored = repo.findByName("imu-activity");
  QVERIFY(stored.ok());
  QCOMPARE(stored.value().sampleCount, int64_t(20));
  QVERIFY(dialog.grab().save(screenshotDir() + QStringLiteral("/import_dialog_imu.png"), "PNG"));
}

void TrainingPaneTest::paneListsDatasets() {
  // A real project file made outside the GUI, then opened by the workspace.
  const QString path = projectFile(QStringLiteral("two.edgewise"));
  {
    auto project = store::Project::open(path.toStdString());
    QVERIFY(project.ok());
    auto digits = dataset::readDigitsPng(digitsPath().toStdString());
    QVERIFY(digits.ok());
    QVERIFY(dataset::importDataset(*project.value(), "digits", digits.value()).ok());
    dataset::CsvOptions csv;
    csv.file = writeCsv(m_dir->path()).toStdString();
    csv.labelColumn = "label";
    auto blobs = dataset::readCsv(csv);
    QVERIFY(blobs.ok());
    QVERIFY(dataset::importDataset(*project.value(), "blobs", blobs.value()).ok());
  }
  JobManager jobs;
  Workspace workspace;
  TrainingPane pane(workspace);
  auto* combo = pane.findChild<QComboBox*>(QStringLiteral("trainingDataset"));
  auto* train = pane.findChild<QPushButton*>(QStringLiteral("trainButton"));
  auto* empty = pane.findChild<QLabel*>(QStringLiteral("trainingEmptyState"));
  QCOMPARE(combo->count(), 0);
  QVERIFY(!train->isEnabled());
  QVERIFY(empty->text().contains(QStringLiteral("No project")));
  pane.resize(1300, 800);
  QVERIFY(pane.grab().save(screenshotDir() + QStringLiteral("/training_no_project.png"), "PNG"));

  QVERIFY(workspace.openProject(path, false).ok());
  QCOMPARE(combo->count(), 2);
  QStringList names;
  for (int i = 0; i < combo->count(); ++i) names << combo->itemText(i);
  names.sort();
  QCOMPARE(names, (QStringList{QStringLiteral("blobs"), QStringLiteral("digits")}));
  QVERIFY(train->isEnabled());
  QVERIFY(empty->isHidden());
  QTest::qWait(50);  // the plots replot on the next event loop pass
  QVERIFY(pane.grab().save(screenshotDir() + QStringLiteral("/training_no_models.png"), "PNG"));

  // The class balance and the dataset line follow the selection.
  combo->setCurrentIndex(combo->findText(QStringLiteral("digits")));
  auto* info = pane.findChild<QLabel*>(QStringLiteral("trainingDatasetInfo"));
  QVERIFY2(info->text().contains(QLocale().toString(5000)), qPrintable(info->text()));
  auto* balance = pane.findChild<QCustomPlot*>(QStringLiteral("trainingBalancePlot"));
  QCOMPARE(balance->plottableCount(), 1);
  auto* bars = qobject_cast<QCPBars*>(balance->plottable(0));
  QVERIFY(bars);
  QCOMPARE(bars->data()->size(), 10);
  for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
    QCOMPARE(it->value, 500.0);
  // The preview of one digit is a 20 x 20 picture.
  auto* preview = pane.findChild<QCustomPlot*>(QStringLiteral("trainingPreviewPlot"));
  QCOMPARE(preview->plottableCount(), 1);
  auto* map = qobject_cast<QCPColorMap*>(preview->plottable(0));
  QVERIFY(map);
  QCOMPARE(map->data()->keySize(), 20);
  QCOMPARE(map->data()->valueSize(), 20);

  // The image block: its parameters are editable and the preview is its output.
  auto* block = pane.findChild<QComboBox*>(QStringLiteral("trainingBlock"));
  const int imageBlock = block->findData(QStringLiteral("image"));
  QVERIFY(imageBlock > 0);
  block->setCurrentIndex(imageBlock);
  auto* params = pane.findChild<QTableWidget*>(QStringLiteral("trainingBlockParams"));
  QVERIFY(params->rowCount() >= 2);
  for (int r = 0; r < params->rowCount(); ++r) {
    QVERIFY(params->item(r, 0)->text() != QStringLiteral("in_width"));  // follows the data
    if (params->item(r, 0)->text() == QStringLiteral("width"))
      params->item(r, 1)->setText(QStringLiteral("10"));
    if (params->item(r, 0)->text() == QStringLiteral("height"))
      params->item(r, 1)->setText(QStringLiteral("12"));
  }
  map = qobject_cast<QCPColorMap*>(preview->plottable(0));
  QVERIFY(map);
  QCOMPARE(map->data()->keySize(), 10);
  QCOMPARE(map->data()->valueSize(), 12);
  block->setCurrentIndex(0);

  combo->setCurrentIndex(combo->findText(QStringLiteral("blobs")));
  QVERIFY(info->text().contains(QStringLiteral("60")));
  bars = qobject_cast<QCPBars*>(balance->plottable(0));
  QCOMPARE(bars->data()->size(), 3);

  // A dataset imported while the pane is open shows up (an import announces datasetsChanged).
  {
    auto digits = dataset::readDigitsPng(digitsPath().toStdString());
    QVERIFY(dataset::importDataset(*workspace.project(), "digits-2", digits.value()).ok());
  }
  workspace.notifyRecordingsChanged();  // a recording is not a dataset: no reload
  QCOMPARE(combo->count(), 2);
  workspace.notifyDatasetsChanged();
  QCOMPARE(combo->count(), 3);
  QCOMPARE(combo->currentText(), QStringLiteral("blobs"));  // the selection stays

  workspace.closeProject();
  QCOMPARE(combo->count(), 0);
}

void TrainingPaneTest::knnTrainingFillsTableAndConfusion() {
  const QString path = projectFile(QStringLiteral("knn.edgewise"));
  {
    auto project = store::Project::open(path.toStdString());
    QVERIFY(project.ok());
    auto digits = dataset::readDigitsPng(digitsPath().toStdString());
    QVERIFY(dataset::importDataset(*project.value(), "digits", digits.value()).ok());
  }
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  TrainingPane pane(workspace);
  pane.resize(1400, 900);
  pane.show();
  QVERIFY(QTest::qWaitForWindowExposed(&pane));
  auto* family = pane.findChild<QComboBox*>(QStringLiteral("trainingFamily"));
  family->setCurrentIndex(family->findData(QStringLiteral("knn")));
  QCOMPARE(family->currentData().toString(), QStringLiteral("knn"));
  QCOMPARE(pane.modelsModel()->rowCount(), 0);
  QVERIFY(pane.findChild<QLabel*>(QStringLiteral("trainingModelsEmpty"))->isVisible());

  QSignalSpy done(&pane, &TrainingPane::trainingFinished);
  auto* train = pane.findChild<QPushButton*>(QStringLiteral("trainButton"));
  QVERIFY(train->isEnabled());
  train->click();
  QVERIFY2(pane.isTraining(), qPrintable(pane.statusText()));
  QCOMPARE(jobs.snapshot().size(), size_t(1));  // the run shows in the Jobs pane
  QVERIFY(done.wait(120000));
  QVERIFY2(done.at(0).at(0).toBool(), qPrintable(pane.statusText()));
  const int64_t modelId = done.at(0).at(1).toLongLong();
  QVERIFY(modelId > 0);
  QVERIFY(pane.statusText().contains(QStringLiteral("accuracy")));

  // A new row, selected, with the registry's numbers.
  QCOMPARE(pane.modelsModel()->rowCount(), 1);
  const training::ModelRecord* record = pane.modelsModel()->record(0);
  QCOMPARE(record->id, modelId);
  QCOMPARE(record->family, std::string("knn"));
  QCOMPARE(record->datasetName, std::string("digits"));
  QCOMPARE(pane.selectedModelId(), modelId);
  auto* view = pane.findChild<QTableView*>(QStringLiteral("trainingModelsView"));
  QVERIFY(view->isVisible());
  QCOMPARE(view->model()->rowCount(), 1);

  // The confusion matrix and per-class table equal an independent evaluation.
  const Reference ref = evaluateIndependently(*workspace.project(), modelId);
  QVERIFY(!ref.ids.empty());
  QCOMPARE(ref.ids.size(), size_t(750));  // 15 % of 5000
  QCOMPARE(pane.confusionMatrix()->matrix(), ref.metrics.confusion);
  QCOMPARE(record->metrics.confusion, ref.metrics.confusion);
  QVERIFY(std::abs(record->metrics.accuracy - ref.metrics.accuracy) < 1e-12);
  QVERIFY(ref.metrics.accuracy > 0.85);  // kNN on digits (OpenCV's sample reports ~93 %)
  auto* perClass = pane.findChild<QTableWidget*>(QStringLiteral("trainingPerClass"));
  QCOMPARE(perClass->rowCount(), 10);
  for (int c = 0; c < 10; ++c) {
    QCOMPARE(perClass->item(c, 1)->text(),
             QLocale().toString(ref.metrics.perClass[size_t(c)].precision, 'f', 3));
    QCOMPARE(perClass->item(c, 4)->text().toLongLong(), ref.metrics.perClass[size_t(c)].support);
  }

  // The off-diagonal cell with the most errors: click it, its samples are listed.
  int bestT = -1, bestP = -1;
  int64_t bestCount = 0;
  for (int t = 0; t < 10; ++t)
    for (int p = 0; p < 10; ++p)
      if (t != p && ref.metrics.confusion[t][p] > bestCount) {
        bestCount = ref.metrics.confusion[t][p];
        bestT = t;
        bestP = p;
      }
  QVERIFY(bestCount > 0);
  std::vector<int64_t> expected;
  for (size_t i = 0; i < ref.ids.size(); ++i)
    if (ref.truth[i] == bestT && ref.predicted[i] == bestP) expected.push_back(ref.ids[i]);
  QCOMPARE(int64_t(expected.size()), bestCount);

  QSignalSpy listed(&pane, &TrainingPane::samplesListed);
  ConfusionMatrixWidget* matrix = pane.confusionMatrix();
  const QRect cell = matrix->cellRect(bestT, bestP);
  QVERIFY(!cell.isEmpty());
  QTest::mouseClick(matrix, Qt::LeftButton, {}, cell.center());
  QCOMPARE(matrix->selectedTrue(), bestT);
  QCOMPARE(matrix->selectedPredicted(), bestP);
  QVERIFY(listed.wait(60000));  // the first click evaluates the model in a job
  QCOMPARE(listed.at(0).at(0).toInt(), bestT);
  QCOMPARE(listed.at(0).at(1).toInt(), bestP);
  std::vector<int64_t> got = pane.listedSampleIds();
  std::sort(got.begin(), got.end());
  std::sort(expected.begin(), expected.end());
  QCOMPARE(got, expected);
  auto* samples = pane.findChild<QListWidget*>(QStringLiteral("trainingSamples"));
  QCOMPARE(samples->count(), int(expected.size()));
  QVERIFY(!samples->item(0)->icon().isNull());
  // The title names the classes as classes, with the count's plural form.
  auto* samplesTitle = pane.findChild<QLabel*>(QStringLiteral("trainingSamplesTitle"));
  QCOMPARE(samplesTitle->text(), QStringLiteral("%1 test sample%2 of class %3 predicted as %4")
                                     .arg(bestCount)
                                     .arg(bestCount == 1 ? QString() : QStringLiteral("s"))
                                     .arg(bestT)
                                     .arg(bestP));
  // A cell with a single sample reads in the singular.
  for (int t = 0, found = 0; t < 10 && !found; ++t)
    for (int p = 0; p < 10 && !found; ++p)
      if (t != p && ref.metrics.confusion[t][p] == 1) {
        found = 1;
        listed.clear();
        matrix->selectCell(t, p);
        QCOMPARE(listed.count(), 1);
        QCOMPARE(samplesTitle->text(),
                 QStringLiteral("1 test sample of class %1 predicted as %2").arg(t).arg(p));
      }

  // A second cell is answered at once from the cached evaluation: the diagonal of class 0.
  listed.clear();
  matrix->selectCell(0, 0);
  QCOMPARE(listed.count(), 1);
  QCOMPARE(samplesTitle->text(), QStringLiteral("%1 test samples of class 0 classified correctly")
                                     .arg(ref.metrics.confusion[0][0]));
  QCOMPARE(int64_t(pane.listedSampleIds().size()), ref.metrics.confusion[0][0]);
  QVERIFY(jobs.waitForAll(30000));

  // Export writes the stored model file; delete removes the model from the project.
  const QString exported = m_dir->filePath(QStringLiteral("knn.model"));
  QVERIFY(pane.exportModel(modelId, exported));
  QCOMPARE(QFileInfo(exported).size(), qint64(record->sizeBytes));
  QVERIFY(pane.deleteModel(modelId));
  QCOMPARE(pane.modelsModel()->rowCount(), 0);
  QCOMPARE(pane.selectedModelId(), int64_t(0));
  QVERIFY(pane.confusionMatrix()->matrix().empty());
  training::ModelRegistry registry(*workspace.project());
  QCOMPARE(registry.list().value().size(), size_t(0));
  QVERIFY(!pane.deleteModel(modelId));  // gone: an error, shown in the status line
}

void TrainingPaneTest::mlpTwoEpochsCurves() {
  const QString path = projectFile(QStringLiteral("mlp.edgewise"));
  {
    auto project = store::Project::open(path.toStdString());
    QVERIFY(project.ok());
    auto digits = dataset::readDigitsPng(digitsPath().toStdString());
    QVERIFY(dataset::importDataset(*project.value(), "digits", digits.value()).ok());
  }
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  TrainingPane pane(workspace);
  auto* family = pane.findChild<QComboBox*>(QStringLiteral("trainingFamily"));
  family->setCurrentIndex(family->findData(QStringLiteral("mlp")));
  auto* epochs = pane.findChild<QSpinBox*>(QStringLiteral("trainingEpochs"));
  QVERIFY(epochs->isVisibleTo(&pane));
  epochs->setValue(2);
  QSignalSpy done(&pane, &TrainingPane::trainingFinished);
  QSignalSpy epochSpy(&pane, &TrainingPane::epochReported);
  QVERIFY(pane.startTraining());
  QVERIFY(!pane.startTraining());  // one run at a time
  QVERIFY(done.wait(180000));
  QVERIFY2(done.at(0).at(0).toBool(), qPrintable(pane.statusText()));
  const int64_t id = done.at(0).at(1).toLongLong();
  const training::ModelRecord* record = pane.modelsModel()->record(pane.modelsModel()->rowOf(id));
  QVERIFY(record);
  QCOMPARE(record->family, std::string("mlp"));
  QCOMPARE(record->hyperParams.at("epochs"), std::string("2"));
  QCOMPARE(record->history.size(), size_t(2));
  // Both epochs reached the pane while the job ran, in order, before it finished.
  QCOMPARE(epochSpy.count(), 2);
  QCOMPARE(epochSpy.at(0).at(0).toInt(), 1);
  QCOMPARE(epochSpy.at(1).at(0).toInt(), 2);
  QCOMPARE(epochSpy.at(1).at(1).toInt(), 2);
  // Curves: two epochs of train/validation loss and accuracy, the stored history's values.
  auto* curves = pane.findChild<QCustomPlot*>(QStringLiteral("trainingCurves"));
  QCOMPARE(curves->graph(0)->dataCount(), 2);
  QCOMPARE(curves->graph(3)->dataCount(), 2);
  QCOMPARE(curves->graph(0)->data()->at(1)->value, record->history[1].trainLoss);
  QCOMPARE(curves->graph(3)->data()->at(1)->value, record->history[1].valAccuracy);
  QVERIFY(record->metrics.accuracy > 0.5);

  // Cancel: a long run stopped from the pane stores nothing.
  epochs->setValue(500);
  done.clear();
  QVERIFY(pane.startTraining());
  QTest::qWait(300);
  pane.findChild<QPushButton*>(QStringLiteral("trainCancelButton"))->click();
  QVERIFY(done.wait(60000));
  QCOMPARE(done.at(0).at(0).toBool(), false);
  QVERIFY(pane.statusText().contains(QStringLiteral("cancelled")));
  QCOMPARE(pane.modelsModel()->rowCount(), 1);
  training::ModelRegistry registry(*workspace.project());
  QCOMPARE(registry.list().value().size(), size_t(1));
}

void TrainingPaneTest::tabularSamplesArePlotted() {
  // A CSV dataset: the default features are the stored columns, the listed samples are small
  // line plots of their values.
  const QString path = projectFile(QStringLiteral("tab.edgewise"));
  {
    auto project = store::Project::open(path.toStdString());
    QVERIFY(project.ok());
    dataset::CsvOptions csv;
    csv.file = writeCsv(m_dir->path()).toStdString();
    csv.labelColumn = "label";
    auto blobs = dataset::readCsv(csv);
    QVERIFY(blobs.ok());
    QVERIFY(dataset::importDataset(*project.value(), "blobs", blobs.value()).ok());
  }
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  TrainingPane pane(workspace);
  auto* preview = pane.findChild<QCustomPlot*>(QStringLiteral("trainingPreviewPlot"));
  QCOMPARE(preview->graphCount(), 1);
  QCOMPARE(preview->graph(0)->dataCount(), 2);  // x, y of the first row
  auto* family = pane.findChild<QComboBox*>(QStringLiteral("trainingFamily"));
  family->setCurrentIndex(family->findData(QStringLiteral("knn")));
  QSignalSpy done(&pane, &TrainingPane::trainingFinished);
  QVERIFY(pane.startTraining());
  QVERIFY(done.wait(60000));
  QVERIFY2(done.at(0).at(0).toBool(), qPrintable(pane.statusText()));
  const int64_t id = done.at(0).at(1).toLongLong();
  const Reference ref = evaluateIndependently(*workspace.project(), id);
  QCOMPARE(pane.confusionMatrix()->matrix(), ref.metrics.confusion);
  QSignalSpy listed(&pane, &TrainingPane::samplesListed);
  pane.confusionMatrix()->selectCell(1, 1);
  QVERIFY(listed.wait(60000));
  QCOMPARE(int64_t(pane.listedSampleIds().size()), ref.metrics.confusion[1][1]);
  QVERIFY(!pane.listedSampleIds().empty());
  auto* samples = pane.findChild<QListWidget*>(QStringLiteral("trainingSamples"));
  const QImage thumb = samples->item(0)->icon().pixmap(QSize(56, 56)).toImage();
  // A plot, not a blank square: some pixels are ink.
  int ink = 0;
  for (int y = 0; y < thumb.height(); ++y)
    for (int x = 0; x < thumb.width(); ++x) ink += qGray(thumb.pixel(x, y)) < 128;
  QVERIFY2(ink > 5, qPrintable(QString::number(ink)));
  QVERIFY(jobs.waitForAll(30000));
}

void TrainingPaneTest::searchListsTrialsAndRegistersBest() {
  const QString path = projectFile(QStringLiteral("search.edgewise"));
  {
    auto project = store::Project::open(path.toStdString());
    QVERIFY(project.ok());
    const dataset::ParsedDataset subset = digitsSubset(10);  // 500 digits, 50 per class
    QCOMPARE(subset.samples.size(), size_t(500));
    QVERIFY(dataset::importDataset(*project.value(), "digits-500", subset).ok());
  }
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  TrainingPane pane(workspace);
  pane.resize(1400, 900);
  auto* family = pane.findChild<QComboBox*>(QStringLiteral("trainingFamily"));
  family->setCurrentIndex(family->findData(QStringLiteral("knn")));
  auto* searchButton = pane.findChild<QPushButton*>(QStringLiteral("searchButton"));
  QVERIFY(searchButton->isEnabled());

  QSignalSpy finished(&pane, &TrainingPane::searchFinished);
  QSignalSpy live(&pane, &TrainingPane::searchTrialReported);
  SearchSettings settings;
  settings.method = QStringLiteral("random");
  settings.budgetSeconds = 30;
  settings.maxTrials = 6;
  QVERIFY2(pane.startSearch(settings), qPrintable(pane.statusText()));
  QVERIFY(pane.isSearching());
  QVERIFY(!searchButton->isEnabled());
  QVERIFY(!pane.startTraining());  // one run at a time
  QCOMPARE(pane.findChild<QTabWidget*>(QStringLiteral("trainingTopTabs"))->currentWidget(),
           pane.searchView());
  QVERIFY(finished.wait(120000));
  QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(pane.statusText()));
  const int64_t modelId = finished.at(0).at(1).toLongLong();
  const int trials = finished.at(0).at(2).toInt();
  QVERIFY(modelId > 0);
  QVERIFY(trials >= 1 && trials <= 6);
  QVERIFY(live.count() >= 1);  // trials came in while the job ran

  // The registry's record of the best model says how many trials the search ran.
  training::ModelRegistry registry(*workspace.project());
  auto record = registry.get(modelId);
  QVERIFY(record.ok());
  QCOMPARE(record.value().family, std::string("knn"));
  QCOMPARE(record.value().origin, std::string("search:random"));
  QCOMPARE(QString::fromStdString(record.value().hyperParams.at("search.trials")).toInt(), trials);

  // Every trial is listed; the best row is highlighted and holds the best accuracy.
  SearchTrialsView* view = pane.searchView();
  QCOMPARE(view->trialCount(), trials);
  QTableWidget* table = view->table();
  QCOMPARE(table->rowCount(), trials);
  const int best = view->bestTrial();
  QVERIFY(best >= 0 && best < trials);
  double bestShown = -1, maxShown = -1;
  for (int r = 0; r < trials; ++r) {
    const double acc = QLocale().toDouble(table->item(r, 2)->text());
    maxShown = std::max(maxShown, acc);
    if (r == best) bestShown = acc;
    QCOMPARE(table->item(r, 0)->font().bold(), r == best);
    QCOMPARE(table->item(r, 1)->background().style() != Qt::NoBrush, r == best);
    QVERIFY2(table->item(r, 1)->text().startsWith(QStringLiteral("k=")),
             qPrintable(table->item(r, 1)->text()));
  }
  QCOMPARE(bestShown, maxShown);  // random search: every trial used the whole split
  const double recordedVal =
      QString::fromStdString(record.value().hyperParams.at("search.val_accuracy")).toDouble();
  QVERIFY2(std::abs(bestShown - recordedVal) < 0.0006,
           qPrintable(QStringLiteral("%1 vs %2").arg(bestShown).arg(recordedVal)));
  // The best trial's k is the registered model's k.
  QCOMPARE(table->item(best, 1)->text(),
           QStringLiteral("k=") + QString::fromStdString(record.value().hyperParams.at("k")));
  QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
  QCOMPARE(table->selectionModel()->selectedRows().at(0).row(), best);
  // The scatter plot: one point per trained trial, the best one marked.
  QCustomPlot* plot = view->plot();
  QCOMPARE(plot->graph(0)->dataCount(), trials);
  QCOMPARE(plot->graph(1)->dataCount(), 1);
  QCOMPARE(plot->graph(1)->data()->at(0)->key, double(best + 1));

  // The best model joined the models table, selected.
  QCOMPARE(pane.modelsModel()->rowCount(), 1);
  QVERIFY(pane.modelsModel()->rowOf(modelId) >= 0);
  QCOMPARE(pane.selectedModelId(), modelId);
  QVERIFY(searchButton->isEnabled());

  // Successive halving: rungs with growing resources, the winner from the largest one.
  finished.clear();
  settings.method = QStringLiteral("halving");
  settings.maxTrials = 9;
  QVERIFY(pane.startSearch(settings));
  QVERIFY(finished.wait(120000));
  QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(pane.statusText()));
  const int halvingTrials = finished.at(0).at(2).toInt();
  QCOMPARE(view->trialCount(), halvingTrials);
  QCOMPARE(table->rowCount(), halvingTrials);
  QVERIFY(halvingTrials > 9);  // 9 at rung 0, then 3, then 1 (unless the budget ran out)
  QCOMPARE(pane.modelsModel()->rowCount(), 2);
  QCOMPARE(pane.selectedModelId(), finished.at(0).at(1).toLongLong());
  auto* summary = pane.findChild<QLabel*>(QStringLiteral("searchSummary"));
  QVERIFY2(summary->text().startsWith(QStringLiteral("Searched %1 trials in ").arg(halvingTrials)),
           qPrintable(summary->text()));

  // Cancel: an MLP search with a long budget stopped from the pane stores nothing.
  family->setCurrentIndex(family->findData(QStringLiteral("mlp")));
  finished.clear();
  settings.method = QStringLiteral("random");
  settings.budgetSeconds = 600;
  settings.maxTrials = 50;
  QVERIFY(pane.startSearch(settings));
  QTest::qWait(300);
  pane.findChild<QPushButton*>(QStringLiteral("trainCancelButton"))->click();
  QVERIFY(finished.wait(60000));
  QCOMPARE(finished.at(0).at(0).toBool(), false);
  QCOMPARE(finished.at(0).at(1).toLongLong(), qint64(0));
  QVERIFY2(pane.statusText().contains(QStringLiteral("cancelled")), qPrintable(pane.statusText()));
  QCOMPARE(pane.modelsModel()->rowCount(), 2);
  QCOMPARE(registry.list().value().size(), size_t(2));
  QVERIFY(searchButton->isEnabled());
  QVERIFY(jobs.waitForAll(30000));

  // Ctrl+Shift+Return asks for the settings in the dialog, then searches with them.
  family->setCurrentIndex(family->findData(QStringLiteral("ensemble")));
  QVERIFY(!searchButton->isEnabled());  // the ensemble has no space to search
  family->setCurrentIndex(family->findData(QStringLiteral("knn")));
  pane.show();
  pane.activateWindow();
  QVERIFY(QTest::qWaitForWindowActive(&pane));
  bool dialogSeen = false;
  QTimer::singleShot(200, &pane, [&dialogSeen] {
    auto* dialog = qobject_cast<SearchDialog*>(QApplication::activeModalWidget());
    if (!dialog) return;
    dialogSeen = true;
    auto* method = dialog->findChild<QComboBox*>(QStringLiteral("searchMethod"));
    method->setCurrentIndex(method->findData(QStringLiteral("random")));
    dialog->findChild<QSpinBox*>(QStringLiteral("searchTrials"))->setValue(3);
    dialog->accept();
  });
  finished.clear();
  QTest::keyClick(&pane, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
  QVERIFY(dialogSeen);
  QVERIFY(finished.wait(60000));
  QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(pane.statusText()));
  QCOMPARE(finished.at(0).at(2).toInt(), 3);
  QCOMPARE(view->trialCount(), 3);
  QCOMPARE(pane.modelsModel()->rowCount(), 3);
  QVERIFY(jobs.waitForAll(30000));
  // The dialog's choice is remembered for the next search (and session).
  QCOMPARE(QSettings().value(QStringLiteral("training/searchTrials")).toInt(), 3);
}

void TrainingPaneTest::screenshot() {
  // The main window with the Training pane raised on a project with digits, two trained models
  // and a finished search.
  const QString path = projectFile(QStringLiteral("shot.edgewise"));
  {
    auto project = store::Project::open(path.toStdString());
    QVERIFY(project.ok());
    auto digits = dataset::readDigitsPng(digitsPath().toStdString());
    QVERIFY(dataset::importDataset(*project.value(), "digits", digits.value()).ok());
  }
  registerWorkbenchPanes();
  Workspace workspace;
  MainWindow window(workspace);
  window.setMessageHandler([](MainWindow::MessageKind, const QString&, const QString&) {});
  QVERIFY(window.openProject(path, false));
  auto* pane = window.findChild<TrainingPane*>();
  QVERIFY(pane);
  auto* family = pane->findChild<QComboBox*>(QStringLiteral("trainingFamily"));
  QSignalSpy done(pane, &TrainingPane::trainingFinished);
  family->setCurrentIndex(family->findData(QStringLiteral("knn")));
  QVERIFY(pane->startTraining());
  QVERIFY(done.wait(120000));
  family->setCurrentIndex(family->findData(QStringLiteral("mlp")));
  pane->findChild<QSpinBox*>(QStringLiteral("trainingEpochs"))->setValue(6);
  QVERIFY(pane->startTraining());
  QVERIFY(done.wait(180000));
  QVERIFY(done.at(1).at(0).toBool());
  family->setCurrentIndex(family->findData(QStringLiteral("knn")));
  QSignalSpy searched(pane, &TrainingPane::searchFinished);
  SearchSettings settings;
  settings.maxTrials = 8;
  settings.budgetSeconds = 40;
  QVERIFY(pane->startSearch(settings));
  QVERIFY(searched.wait(180000));
  QVERIFY2(searched.at(0).at(0).toBool(), qPrintable(pane->statusText()));
  // The trained MLP stays selected for the curves and the confusion matrix below.
  QVERIFY(pane->selectModel(done.at(1).at(1).toLongLong()));

  // Sorting by accuracy (descending) puts the better model first, whatever the insertion order.
  auto* view = pane->findChild<QTableView*>(QStringLiteral("trainingModelsView"));
  view->sortByColumn(ModelsTableModel::AccuracyColumn, Qt::DescendingOrder);
  const QAbstractItemModel* sorted = view->model();
  QCOMPARE(sorted->rowCount(), 3);
  QVERIFY(sorted->index(0, 0).data(ModelsTableModel::SortRole).isValid());
  QVERIFY(sorted->index(0, ModelsTableModel::AccuracyColumn)
              .data(ModelsTableModel::SortRole)
              .toDouble() >= sorted->index(1, ModelsTableModel::AccuracyColumn)
                                 .data(ModelsTableModel::SortRole)
                                 .toDouble());
  view->sortByColumn(ModelsTableModel::AccuracyColumn, Qt::AscendingOrder);
  QVERIFY(sorted->index(0, ModelsTableModel::AccuracyColumn)
              .data(ModelsTableModel::SortRole)
              .toDouble() <= sorted->index(1, ModelsTableModel::AccuracyColumn)
                                 .data(ModelsTableModel::SortRole)
                                 .toDouble());
  // The selection (the newest model) survives the re-sort.
  QCOMPARE(pane->selectedModelId(), done.at(1).at(1).toLongLong());

  window.resize(1600, 1000);
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  window.resetLayout();
  // The Training pane gets the width the Capture pane has by default.
  if (QDockWidget* capture = window.dock(QStringLiteral("capture"))) capture->hide();
  QDockWidget* dock = window.dock(QStringLiteral("training"));
  QVERIFY(dock);
  QVERIFY(window.showPane(QStringLiteral("training")));
  QVERIFY(!window.showPane(QStringLiteral("no-such-pane")));
  QVERIFY(dock->isVisible());
  QTest::qWait(200);
  // Show the samples of the largest error of the selected (newest) model.
  const auto& confusion = pane->confusionMatrix()->matrix();
  int bestT = 0, bestP = 1;
  for (int t = 0; t < int(confusion.size()); ++t)
    for (int p = 0; p < int(confusion.size()); ++p)
      if (t != p && confusion[t][p] > confusion[bestT][bestP]) {
        bestT = t;
        bestP = p;
      }
  QSignalSpy listed(pane, &TrainingPane::samplesListed);
  pane->confusionMatrix()->selectCell(bestT, bestP);
  QVERIFY(listed.wait(60000));
  QVERIFY(window.jobManager().waitForAll(30000));
  QTest::qWait(300);

  // First the curves of the selected MLP (the search switched to its trials tab).
  auto* tabs = pane->findChild<QTabWidget*>(QStringLiteral("trainingTopTabs"));
  QCOMPARE(tabs->currentWidget(), pane->searchView());
  tabs->setCurrentIndex(0);
  QTest::qWait(200);
  const QString file = screenshotDir() + QStringLiteral("/training.png");
  const QImage image = window.grab().toImage();
  QVERIFY(image.save(file, "PNG"));
  std::set<QRgb> colours;
  for (int y = 0; y < image.height(); y += 7)
    for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
  QVERIFY(colours.size() > 20);
  qInfo("screenshot: %s", qPrintable(file));

  // The finished search: its trials and the scatter plot.
  tabs->setCurrentWidget(pane->searchView());
  QTest::qWait(200);
  const QString searchFile = screenshotDir() + QStringLiteral("/training_search.png");
  QVERIFY(window.grab().save(searchFile, "PNG"));

  // The same window in the dark theme and German: every text retranslated, plots recoloured.
  window.setTheme(Theme::Dark);
  QVERIFY(window.setLanguage(QStringLiteral("de")));
  QTest::qWait(300);
  QCOMPARE(pane->findChild<QPushButton*>(QStringLiteral("trainButton"))->text(),
           QStringLiteral("Trainieren"));
  QCOMPARE(dock->windowTitle(), QStringLiteral("Training"));
  const QString darkFile = screenshotDir() + QStringLiteral("/training_dark_de.png");
  const QImage dark = window.grab().toImage();
  QVERIFY(dark.save(darkFile, "PNG"));
  // The curves plot follows the theme: its background is dark now.
  auto* curves = pane->findChild<QCustomPlot*>(QStringLiteral("trainingCurves"));
  const QImage plotImage = curves->grab().toImage();
  QVERIFY(qGray(plotImage.pixel(plotImage.width() / 2, 4)) < 100);
  window.setTheme(Theme::Light);
  QVERIFY(window.setLanguage(QStringLiteral("en")));
}

QTEST_MAIN(TrainingPaneTest)
#include "training_pane_test.moc"
