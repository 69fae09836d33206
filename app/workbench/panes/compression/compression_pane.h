#pragma once
// The Compression pane (pane id "compression"): pick a trained model; its variants (the model
// and everything derived from it) fill a sortable table, a lineage tree (parentId) and a
// Pareto plot (p50 latency on a log axis against accuracy, bubble area ~ bytes, the front as
// a step line, the parent ringed; hover for a tooltip, click to select the table row).
// "Compress" runs compressAndRegister() with a recipe (method + amount, optionally "then
// int8", or a typed chain) as a JobManager job (Ctrl+Shift+K, Esc cancels); warnings of a
// variant (e.g. slower than its parent) show in a banner. The Compare tab shows two variants'
// per-class accuracy, the difference of their row-normalised confusion matrices (B - A) and
// the SQNR per layer of an int8 variant.
//
// Threads: the job runs on a worker with its own Project connection; everything else uses the
// GUI thread's connection.

#include <QString>
#include <QWidget>
#include <atomic>
#include <memory>
#include <vector>

#include "app/workbench/panes/compression/compression_data.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace edgewise::gui {

class VariantsTableModel;
class Workspace;

void registerCompressionPane();

class CompressionPane : public QWidget {
  Q_OBJECT
 public:
  explicit CompressionPane(Workspace& workspace, QWidget* parent = nullptr);
  ~CompressionPane() override;

  // Re-reads the project's models.
  void refresh();
  // Picks the model whose lineage is shown (any model of the chain selects its root).
  bool selectParent(int64_t modelId);
  int64_t parentModelId() const;

  // The recipe the controls describe ("prune:0.8+int8"), or the typed one.
  QString recipeText() const;
  void setRecipeText(const QString& recipe);
  // Starts a compression job of the picked model; false (reason in statusText()) when it
  // cannot (no model, a job running, a recipe parseRecipe() refuses).
  bool startCompression();
  void cancelCompression();
  bool isCompressing() const { return m_jobId != 0; }
  QString statusText() const;
  QString bannerText() const;  // empty when no warning is shown

  bool selectVariant(int64_t modelId);
  int64_t selectedVariantId() const { return m_selectedId; }
  bool deleteVariant(int64_t modelId);
  // format: "torchscript", "c99" or "native" (exportModel()).
  bool exportVariant(int64_t modelId, const QString& format, const QString& path);
  // Shows a (first) against b (second) in the Compare tab.
  bool compare(int64_t a, int64_t b);
  // The difference matrix shown (B - A, row-normalised), for tests.
  const std::vector<std::vector<double>>& comparedDifference() const { return m_difference; }
  // Which plotted variants are on the Pareto front (ids), for tests.
  std::vector<int64_t> paretoIds() const;

  VariantsTableModel* variantsModel() const { return m_variants; }
  QStandardItemModel* lineageModel() const { return m_lineage; }
  QCustomPlot* paretoPlot() const { return m_pareto; }

 Q_SIGNALS:
  void compressionFinished(bool ok, qint64 modelId);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void buildUi();
  void retranslateUi();
  void reloadModels(int64_t select = 0);
  void parentChanged();
  void methodChanged();
  void updateRecipeFromControls();
  void updateEnabled();
  void updateBanner();
  void updatePlot();
  void plotHover(QMouseEvent* event);
  void plotClick(QMouseEvent* event);
  int64_t plotHit(const QPointF& pos) const;
  void showCompare();
  void contextMenu(const QPoint& pos);
  void exportWithDialog(int64_t id, const QString& format);
  void setStatus(const QString& text, bool error = false);

  Workspace& m_workspace;
  std::vector<training::ModelRecord> m_all;

  QLabel* m_parentLabel = nullptr;
  QComboBox* m_parent = nullptr;
  QLabel* m_emptyState = nullptr;
  QLabel* m_banner = nullptr;
  QLabel* m_methodLabel = nullptr;
  QComboBox* m_method = nullptr;
  QLabel* m_amountLabel = nullptr;
  QDoubleSpinBox* m_amount = nullptr;
  QCheckBox* m_thenInt8 = nullptr;
  QLabel* m_epochsLabel = nullptr;
  QSpinBox* m_epochs = nullptr;
  QLabel* m_calibrationLabel = nullptr;
  QSpinBox* m_calibration = nullptr;
  QLabel* m_recipeLabel = nullptr;
  QLineEdit* m_recipe = nullptr;
  QPushButton* m_compress = nullptr;
  QPushButton* m_cancel = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_status = nullptr;

  QTabWidget* m_tabs = nullptr;
  QTreeView* m_tree = nullptr;
  QStandardItemModel* m_lineage = nullptr;
  VariantsTableModel* m_variants = nullptr;
  QSortFilterProxyModel* m_proxy = nullptr;
  QTableView* m_table = nullptr;
  QCustomPlot* m_pareto = nullptr;
  QComboBox* m_compareA = nullptr;
  QComboBox* m_compareB = nullptr;
  QLabel* m_compareALabel = nullptr;
  QLabel* m_compareBLabel = nullptr;
  QCustomPlot* m_perClass = nullptr;
  QCustomPlot* m_heat = nullptr;
  QCustomPlot* m_sqnr = nullptr;

  struct PlotPoint {
    int64_t id = 0;
    double x = 0, y = 0;
    double radiusPx = 0;
  };
  std::vector<PlotPoint> m_points;
  std::vector<std::vector<double>> m_difference;
  int64_t m_selectedId = 0;
  bool m_syncing = false;
  int m_generation = 0;
  int m_jobId = 0;
  std::shared_ptr<std::atomic<bool>> m_cancelFlag;
  QString m_lastStatus;
  QString m_jobWarning;  // warnings of the last finished job's report
};

}  // namespace edgewise::gui
