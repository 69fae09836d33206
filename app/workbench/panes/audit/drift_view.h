#pragma once
// The Audit pane's Drift tab: a reference CSV (the training features) and a live CSV (what
// devices saw), scored in a background job by a DriftMonitor: the per-feature table (KS, p,
// adjusted p, PSI, Wasserstein, drift flag after Benjamini-Hochberg; drifted rows tinted,
// sorted by p-value), the reference-vs-live histogram of the selected feature and the drift
// score over consecutive live windows with the alarms marked.

#include <QString>
#include <QStringList>
#include <QWidget>
#include <optional>

#include "app/workbench/panes/audit/audit_data.h"

class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace edgewise::gui {

class DriftTableModel;
class JobStrip;

class DriftView : public QWidget {
  Q_OBJECT
 public:
  explicit DriftView(QWidget* parent = nullptr);

  void setPaths(const QString& reference, const QString& live);
  // Starts the analysis; false (reason in statusText()) when a path is missing or a job runs.
  bool runDrift();
  void cancel();
  bool isRunning() const;
  QString statusText() const;

  const std::optional<DriftAnalysis>& analysis() const { return m_analysis; }
  // Features flagged in the table, in table order.
  QStringList flaggedFeatures() const;
  // Shows a feature (reference column) in the histogram and the timeline.
  void selectFeature(int feature);
  int selectedFeature() const { return m_feature; }

  QTableView* table() const { return m_table; }
  QCustomPlot* histogramPlot() const { return m_histogram; }
  QCustomPlot* timelinePlot() const { return m_timeline; }

 Q_SIGNALS:
  void finished(bool ok);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void browse(QLineEdit* edit);
  void show(DriftAnalysis analysis);
  void updateSummary();

  QLabel* m_referenceLabel = nullptr;
  QLineEdit* m_reference = nullptr;
  QPushButton* m_referenceBrowse = nullptr;
  QLabel* m_liveLabel = nullptr;
  QLineEdit* m_live = nullptr;
  QPushButton* m_liveBrowse = nullptr;
  QLabel* m_alphaLabel = nullptr;
  QDoubleSpinBox* m_alpha = nullptr;
  QLabel* m_windowLabel = nullptr;
  QSpinBox* m_window = nullptr;
  JobStrip* m_job = nullptr;
  QLabel* m_summary = nullptr;
  DriftTableModel* m_model = nullptr;
  QSortFilterProxyModel* m_proxy = nullptr;
  QTableView* m_table = nullptr;
  QCustomPlot* m_histogram = nullptr;
  QCustomPlot* m_timeline = nullptr;
  std::optional<DriftAnalysis> m_analysis;
  int m_feature = -1;
};

}  // namespace edgewise::gui
