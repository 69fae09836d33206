// Qt Test for the Compression pane, against real project files in a QTemporaryDir: 500 digits
// imported, a real kNN and a real 2-epoch MLP trained through the service; compressed variants
// added with ModelRegistry::add (origin "compressed", parentId, details JSON as the service
// writes it) fill the table, the lineage tree and the Pareto plot; a click on a bubble selects
// the row; the compare view's difference matrix is checked against values computed by hand;
// a recipe job runs through compressAndRegister (or, while the service cannot compress yet,
// its error is shown). Pure functions (Pareto front, confusion difference) on hand-made sets.

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <cmath>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/panes/compression/compression_data.h"
#include "app/workbench/panes/compression/compression_pane.h"
#include "app/workbench/panes/compression/variants_table_model.h"
#include "app/workbench/widgets/qcustomplot_include.h"
#include "app/workbench/workspace.h"
#include "core/dataset/data/importers.h"
#include "core/store/project.h"
#include "core/training/service/model_registry.h"
#include "core/training/service/train_service.h"
#include "tests/app/gui_test_util.h"

using namespace edgewise;
using namespace edgewise::gui;
using edgewise::test::digitsPath;
using edgewise::test::screenshotDir;

namespace {

dataset::ParsedDataset digitsSubset(int step) {
  auto digits = dataset::readDigitsPng(digitsPath().toStdString());
  if (!digits.ok()) return {};
  dataset::ParsedDataset subset;
  subset.info = digits.value().info;
  for (size_t i = 0; i < digits.value().samples.size(); i += size_t(step))
    subset.samples.push_back(digits.value().samples[i]);
  return subset;
}

// The details JSON of a compressed variant, shaped like compressReportToJson().
std::string detailsJson(const std::string& recipe, int64_t size, double acc, double p50,
                        int64_t parentSize, double parentAcc, double parentP50,
                        const std::string& warning, bool withSqnr) {
  std::string j = "{\"recipe\":\"" + recipe + "\",\"size_bytes\":" + std::to_string(size) +
                  ",\"params\":1000,\"params_nonzero\":" + std::to_string(size / 4) +
                  ",\"accuracy\":" + std::to_string(acc) +
                  ",\"latency_us\":{\"p50\":" + std::to_string(p50) +
                  ",\"p99\":" + std::to_string(p50 * 2) +
                  "},\"mcu\":{\"flash_bytes\":" + std::to_string(size + 100) +
                  ",\"ram_bytes\":2048},\"parent\":{\"size_bytes\":" + std::to_string(parentSize) +
                  ",\"accuracy\":" + std::to_string(parentAcc) +
                  ",\"latency_us\":{\"p50\":" + std::to_string(parentP50) + "}},\"warnings\":[";
  if (!warning.empty()) j += "\"" + warning + "\"";
  j += "],\"notes\":[\"made by the test\"],\"layer_sqnr_db\":[";
  if (withSqnr) j += "{\"layer\":\"fc0\",\"sqnr_db\":38.5},{\"layer\":\"head\",\"sqnr_db\":31.25}";
  j += "]}";
  return j;
}

}  // namespace

class CompressionPaneTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase();
  void paretoFrontHandMade();
  void confusionDifferenceHandMade();
  void variantsFromRegistry();
  void recipeJob();

 private:
  std::unique_ptr<QTemporaryDir> m_dir;
  std::unique_ptr<QTemporaryDir> m_settingsDir;
  QString m_project;
  int64_t m_knn = 0;
  int64_t m_mlp = 0;
};

void CompressionPaneTest::initTestCase() {
  QStandardPaths::setTestModeEnabled(true);
  m_settingsDir = std::make_unique<QTemporaryDir>();
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir->path());
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir->path());
  m_dir = std::make_unique<QTemporaryDir>();
  QVERIFY(m_dir->isValid());
  m_project = m_dir->filePath(QStringLiteral("c.edgewise"));
  auto project = store::Project::open(m_project.toStdString());
  QVERIFY(project.ok());
  const dataset::ParsedDataset subset = digitsSubset(10);  // 500 digits, 50 per class
  QCOMPARE(subset.samples.size(), size_t(500));
  QVERIFY(dataset::importDataset(*project.value(), "digits-500", subset).ok());
  training::TrainRequest knn;
  knn.datasetName = "digits-500";
  knn.family = "knn";
  knn.latencySeconds = 0.1;
  auto k = training::trainAndRegister(*project.value(), knn);
  QVERIFY2(k.ok(), k.ok() ? "" : k.error().toString().c_str());
  m_knn = k.value().id;
  training::TrainRequest mlp = knn;
  mlp.family = "mlp";
  mlp.params = {{"epochs", "3"}, {"hidden", "64"}};
  auto m = training::trainAndRegister(*project.value(), mlp);
  QVERIFY2(m.ok(), m.ok() ? "" : m.error().toString().c_str());
  m_mlp = m.value().id;
  QVERIFY(m.value().metrics.accuracy > 0.5);
}

void CompressionPaneTest::paretoFrontHandMade() {
  // latency (smaller better), accuracy (larger better)
  const std::vector<ParetoPoint> points = {
      {10, 0.90},  // front
      {20, 0.95},  // front
      {15, 0.85},  // dominated by (10, 0.90)
      {5, 0.80},   // front (fastest)
      {20, 0.95},  // equal to a front point: front
      {30, 0.95},  // dominated by (20, 0.95)
      {5, 0.70},   // dominated by (5, 0.80)
      {40, 0.99},  // front (most accurate)
  };
  const std::vector<bool> expected = {true, true, false, true, true, false, false, true};
  QCOMPARE(paretoFront(points), expected);
  QCOMPARE(paretoFront({}), std::vector<bool>{});
  QCOMPARE(paretoFront({{3, 0.5}}), std::vector<bool>{true});
}

void CompressionPaneTest::confusionDifferenceHandMade() {
  const std::vector<std::vector<int64_t>> a = {{8, 2, 0}, {1, 9, 0}, {0, 0, 0}};
  const std::vector<std::vector<int64_t>> b = {{10, 0, 0}, {3, 6, 1}, {0, 0, 0}};
  const auto d = confusionDifference(a, b);
  QCOMPARE(d.size(), size_t(3));
  const double expected[3][3] = {{0.2, -0.2, 0.0}, {0.2, -0.3, 0.1}, {0, 0, 0}};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) QVERIFY(std::abs(d[size_t(i)][size_t(j)] - expected[i][j]) < 1e-12);
  QVERIFY(confusionDifference(a, {{1, 2}, {3, 4}}).empty());
}

void CompressionPaneTest::variantsFromRegistry() {
  const QString path = m_dir->filePath(QStringLiteral("variants.edgewise"));
  QVERIFY(QFile::copy(m_project, path));
  int64_t v1 = 0, v2 = 0, v3 = 0;
  training::ModelRecord parent;
  {
    auto project = store::Project::open(path.toStdString(), store::OpenMode::OpenExisting);
    QVERIFY(project.ok());
    training::ModelRegistry registry(*project.value());
    auto p = registry.get(m_mlp);
    QVERIFY(p.ok());
    parent = p.value();
    const QString file = m_dir->filePath(QStringLiteral("parent.model"));
    QVERIFY(registry.exportFile(m_mlp, file.toStdString()).ok());
    auto variant = [&](const std::string& name, int64_t parentId, const std::string& details,
                       double acc, double p50, int64_t size,
                       std::vector<std::vector<int64_t>> confusion) {
      training::ModelRecord r = parent;
      r.id = 0;
      r.name = name;
      r.origin = "compressed";
      r.parentId = parentId;
      r.details = details;
      r.metrics.accuracy = acc;
      if (!confusion.empty()) r.metrics.confusion = std::move(confusion);
      r.latencyP50Us = p50;
      r.sizeBytes = size;
      auto id = registry.add(r, file.toStdString());
      return id.ok() ? id.value() : int64_t(0);
    };
    const double pa = parent.metrics.accuracy;
    const double pl = parent.latencyP50Us;
    const int64_t ps = parent.sizeBytes;
    // int8: 4x smaller, slightly less accurate, but slower: a warning.
    std::vector<std::vector<int64_t>> shifted = parent.metrics.confusion;
    // Move every class-0 sample the parent got right to class 1 (a visible difference).
    const int64_t moved = shifted[0][0];
    shifted[0][1] += moved;
    shifted[0][0] = 0;
    v1 = variant("mlp int8", m_mlp,
                 detailsJson("int8", ps / 4, pa - 0.02, pl * 1.5, ps, pa, pl,
                             "the int8 variant is slower than its parent", true),
                 pa - 0.02, pl * 1.5, ps / 4, shifted);
    // pruned: faster and as accurate: dominates the parent.
    v2 = variant("mlp prune", m_mlp,
                 detailsJson("prune:0.8", ps / 2, pa, pl * 0.5, ps, pa, pl, "", false), pa,
                 pl * 0.5, ps / 2, {});
    // pruned then int8 (child of v2): fastest, less accurate.
    v3 = variant(
        "mlp prune int8", v2,
        detailsJson("prune:0.8+int8", ps / 8, pa - 0.05, pl * 0.25, ps / 2, pa, pl * 0.5, "", true),
        pa - 0.05, pl * 0.25, ps / 8, {});
    QVERIFY(v1 > 0 && v2 > 0 && v3 > 0);
  }

  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  CompressionPane pane(workspace);
  pane.resize(1500, 950);
  pane.show();
  QVERIFY(QTest::qWaitForWindowExposed(&pane));

  // The picker lists the trained models only (not the variants).
  auto* picker = pane.findChild<QComboBox*>(QStringLiteral("compressionParent"));
  QCOMPARE(picker->count(), 2);
  QVERIFY(pane.selectParent(m_mlp));
  QCOMPARE(pane.parentModelId(), m_mlp);

  // Table: parent + 3 variants; ratios to the parent as measured in the report.
  VariantsTableModel* table = pane.variantsModel();
  QCOMPARE(table->rowCount(), 4);
  const VariantInfo* i1 = table->variantById(v1);
  QVERIFY(i1);
  QVERIFY(std::abs(i1->sizeRatio - double(parent.sizeBytes / 4) / double(parent.sizeBytes)) < 1e-9);
  QVERIFY(std::abs(i1->latencyRatio - 1.5) < 1e-4);
  QVERIFY(std::abs(i1->accuracyDeltaPoints - (-2.0)) < 1e-3);
  QCOMPARE(i1->mcuRamBytes, int64_t(2048));
  QCOMPARE(i1->warnings.size(), 1);
  QCOMPARE(i1->layerSqnrDb.size(), size_t(2));
  // v3's ratios are to v2 (its parent), not to the root.
  const VariantInfo* i3 = table->variantById(v3);
  QVERIFY(std::abs(i3->sizeRatio - double(parent.sizeBytes / 8) / double(parent.sizeBytes / 2)) <
          1e-9);
  QVERIFY(std::abs(i3->latencyRatio - 0.5) < 1e-4);
  QVERIFY(!std::isfinite(table->variantById(m_mlp)->sizeRatio));
  QCOMPARE(
      table->data(table->index(table->rowOf(v1), VariantsTableModel::DeltaColumn), Qt::DisplayRole)
          .toString(),
      QStringLiteral("-2.00"));

  // Sorting by size ascending puts v3 (1/8) first.
  auto* view = pane.findChild<QTableView*>(QStringLiteral("compressionVariants"));
  view->sortByColumn(VariantsTableModel::SizeColumn, Qt::AscendingOrder);
  QCOMPARE(view->model()->index(0, 0).data(VariantsTableModel::IdRole).toLongLong(), v3);

  // Lineage tree: mlp -> {int8, prune -> {prune int8}}.
  QStandardItemModel* tree = pane.lineageModel();
  QCOMPARE(tree->rowCount(), 1);
  const QModelIndex root = tree->index(0, 0);
  QCOMPARE(root.data(Qt::UserRole + 1).toLongLong(), m_mlp);
  QCOMPARE(tree->rowCount(root), 2);
  int grandChildren = 0;
  for (int r = 0; r < 2; ++r) {
    const QModelIndex child = tree->index(r, 0, root);
    if (child.data(Qt::UserRole + 1).toLongLong() == v2) {
      QCOMPARE(tree->rowCount(child), 1);
      QCOMPARE(tree->index(0, 0, child).data(Qt::UserRole + 1).toLongLong(), v3);
      ++grandChildren;
    }
  }
  QCOMPARE(grandChildren, 1);

  // Pareto front: parent (pl, pa) is dominated by v2 (pl/2, pa); v1 is dominated by v2; front
  // = {v2, v3}.
  std::vector<int64_t> front = pane.paretoIds();
  std::sort(front.begin(), front.end());
  std::vector<int64_t> expectedFront = {v2, v3};
  std::sort(expectedFront.begin(), expectedFront.end());
  QCOMPARE(front, expectedFront);
  // One graph per bubble plus the front line.
  QCOMPARE(pane.paretoPlot()->graphCount(), 5);

  // Clicking v1's bubble selects its table row, and shows its warning in the banner.
  QCustomPlot* plot = pane.paretoPlot();
  plot->replot();
  const QPoint at(int(plot->xAxis->coordToPixel(i1->p50Us)),
                  int(plot->yAxis->coordToPixel(100.0 * i1->accuracy)));
  QTest::mouseClick(plot, Qt::LeftButton, {}, at);
  QCOMPARE(pane.selectedVariantId(), v1);
  const QModelIndexList rows = view->selectionModel()->selectedRows();
  QCOMPARE(rows.size(), 1);
  QCOMPARE(rows[0].data(VariantsTableModel::IdRole).toLongLong(), v1);
  QVERIFY2(pane.bannerText().contains(QStringLiteral("slower")), qPrintable(pane.bannerText()));
  // And selecting a row moves the plot's selection.
  QVERIFY(pane.selectVariant(v2));
  QVERIFY(pane.bannerText().isEmpty());
  pane.layout()->activate();  // the pane is never shown: lay out the hidden banner's space away
  QVERIFY(pane.grab().save(screenshotDir() + QStringLiteral("/compression.png"), "PNG"));

  // Compare parent (A) with int8 (B): class 0 row moves entirely from 0 to 1.
  QVERIFY(pane.compare(m_mlp, v1));
  const auto& d = pane.comparedDifference();
  QCOMPARE(d.size(), parent.metrics.confusion.size());
  double row0 = 0;
  for (int64_t c : parent.metrics.confusion[0]) row0 += double(c);
  const double share = double(parent.metrics.confusion[0][0]) / row0;
  QVERIFY(share > 0.3);
  QVERIFY(std::abs(d[0][0] - (-share)) < 1e-12);
  QVERIFY(std::abs(d[0][1] - share) < 1e-12);
  for (size_t t = 1; t < d.size(); ++t)
    for (double v : d[t]) QCOMPARE(v, 0.0);
  auto* sqnr = pane.findChild<QCustomPlot*>(QStringLiteral("compareSqnr"));
  QCOMPARE(sqnr->plottableCount(), 1);
  pane.findChild<QTabWidget*>(QStringLiteral("compressionTabs"))->setCurrentIndex(1);
  QTest::qWait(50);
  QVERIFY(pane.grab().save(screenshotDir() + QStringLiteral("/compression_compare.png"), "PNG"));

  // Deleting a middle variant keeps its child (parent cleared): the chain shows 3 rows.
  QVERIFY(pane.deleteVariant(v2));
  QCOMPARE(table->rowCount(), 2);  // v3 lost its parent: it is no longer in mlp's lineage
  QCOMPARE(picker->count(), 2);
}

void CompressionPaneTest::recipeJob() {
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(m_project, false).ok());
  CompressionPane pane(workspace);
  pane.resize(1400, 900);
  QVERIFY(pane.selectParent(m_mlp));

  // Defaults per method, and "then int8".
  auto* method = pane.findChild<QComboBox*>(QStringLiteral("compressionMethod"));
  QVERIFY(method->count() >= 5);
  method->setCurrentIndex(method->findData(QStringLiteral("prune")));
  QCOMPARE(pane.recipeText(), QStringLiteral("prune:0.8"));
  // Gradual pruning ramps over 2/3 of the fine-tuning: at least 10 epochs by default.
  QCOMPARE(pane.findChild<QSpinBox*>(QStringLiteral("compressionEpochs"))->value(), 15);
  method->setCurrentIndex(method->findData(QStringLiteral("prune-structured")));
  QCOMPARE(pane.recipeText(), QStringLiteral("prune-structured:0.5"));
  method->setCurrentIndex(method->findData(QStringLiteral("distill")));
  QCOMPARE(pane.recipeText(), QStringLiteral("distill:32"));
  method->setCurrentIndex(method->findData(QStringLiteral("lowrank")));
  QCOMPARE(pane.recipeText(), QStringLiteral("lowrank:0.9"));
  pane.findChild<QCheckBox*>(QStringLiteral("compressionThenInt8"))->setChecked(true);
  QCOMPARE(pane.recipeText(), QStringLiteral("lowrank:0.9+int8"));

  // A recipe parseRecipe() refuses: no job, the reason shown.
  pane.setRecipeText(QStringLiteral("prune:1.5"));
  QVERIFY(!pane.startCompression());
  QVERIFY(!pane.isCompressing());
  QVERIFY2(pane.statusText().startsWith(QStringLiteral("Recipe:")), qPrintable(pane.statusText()));
  pane.setRecipeText(QStringLiteral("int8+prune:0.5"));
  QVERIFY(!pane.startCompression());

  // A real job: dynamic int8 of the MLP.
  pane.setRecipeText(QStringLiteral("dynamic-int8"));
  QSignalSpy finished(&pane, &CompressionPane::compressionFinished);
  QVERIFY2(pane.startCompression(), qPrintable(pane.statusText()));
  QVERIFY(pane.isCompressing());
  QVERIFY(!pane.startCompression());  // one at a time
  QVERIFY(finished.wait(120000));
  const bool ok = finished.at(0).at(0).toBool();
  if (!ok) {
    // The service's methods may not be there yet: the error must be on screen.
    QVERIFY2(pane.statusText().startsWith(QStringLiteral("Compression failed:")),
             qPrintable(pane.statusText()));
    QCOMPARE(pane.variantsModel()->rowCount(), 1);
    qWarning("compression job failed (service): %s", qPrintable(pane.statusText()));
    return;
  }
  const int64_t variant = finished.at(0).at(1).toLongLong();
  QVERIFY(variant > 0);
  QCOMPARE(pane.variantsModel()->rowCount(), 2);
  const VariantInfo* v = pane.variantsModel()->variantById(variant);
  QVERIFY(v);
  QCOMPARE(v->parentId.value_or(0), m_mlp);
  QCOMPARE(v->recipe, QStringLiteral("dynamic-int8"));
  QVERIFY(std::isfinite(v->sizeRatio) && v->sizeRatio > 0.0);
  QCOMPARE(pane.selectedVariantId(), variant);
  QCOMPARE(pane.lineageModel()->rowCount(pane.lineageModel()->index(0, 0)), 1);
  // The warning (if the service gave one) is in the banner.
  if (!v->warnings.isEmpty()) QVERIFY(!pane.bannerText().isEmpty());
}

QTEST_MAIN(CompressionPaneTest)
#include "compression_pane_test.moc"
