#pragma once
// The Audit pane's Robustness tab: an evasion attack (FGSM, PGD, DeepFool, CW) on the chosen
// model over a list of epsilons as a background job (auditRobustness: the sanity runs make
// FGSM and PGD curves together), optionally the IoT fault curves and the label-flip poisoning
// curve; the sanity checks with a warning banner (red when gradient masking is suspected) and
// a few adversarial examples: images as original / perturbed / perturbation, signals as lines.

#include <QPointF>
#include <QString>
#include <QWidget>
#include <optional>
#include <vector>

#include "core/robustness/robustness_audit.h"
#include "core/training/service/model_registry.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QGridLayout;
class QLabel;
class QLineEdit;
class QScrollArea;
class QSpinBox;
class QTableWidget;

namespace edgewise::gui {

class JobStrip;
class Workspace;

class RobustnessView : public QWidget {
  Q_OBJECT
 public:
  explicit RobustnessView(Workspace& workspace, QWidget* parent = nullptr);

  // The model the next audit runs on (no model: nullopt).
  void setModel(const std::optional<training::ModelRecord>& model);

  void setAttack(training::AttackKind kind);
  void setEpsText(const QString& text);
  QString epsText() const;
  void setMaxRows(int rows);  // 0 = the whole test split
  void setFaults(bool on);
  void setPoison(bool on);

  bool runAudit();
  void cancel();
  bool isRunning() const;
  QString statusText() const;
  QString bannerText() const;  // empty when hidden

  const std::optional<robustness::RobustnessReport>& report() const { return m_report; }
  // The points of the plotted curve of an attack (empty when not plotted).
  std::vector<QPointF> plottedCurve(training::AttackKind kind) const;
  int exampleCount() const { return m_exampleCount; }

  QCustomPlot* curvesPlot() const { return m_curves; }
  QCustomPlot* faultsPlot() const { return m_faults; }
  QCustomPlot* poisonPlot() const { return m_poison; }

 Q_SIGNALS:
  void finished(bool ok);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void attackChanged();
  void show(robustness::RobustnessReport report);
  void showSanity();
  void showExamples();
  QWidget* exampleWidget(const training::AdversarialExample& e);
  void updateBanner();

  Workspace& m_workspace;
  std::optional<training::ModelRecord> m_model;
  QLabel* m_attackLabel = nullptr;
  QComboBox* m_attack = nullptr;
  QLabel* m_normLabel = nullptr;
  QComboBox* m_norm = nullptr;
  QLabel* m_epsLabel = nullptr;
  QLineEdit* m_eps = nullptr;
  QLabel* m_unitLabel = nullptr;
  QComboBox* m_unit = nullptr;
  QLabel* m_stepsLabel = nullptr;
  QSpinBox* m_steps = nullptr;
  QLabel* m_rowsLabel = nullptr;
  QSpinBox* m_rows = nullptr;
  QCheckBox* m_faultsBox = nullptr;
  QCheckBox* m_poisonBox = nullptr;
  JobStrip* m_job = nullptr;
  QLabel* m_banner = nullptr;
  QCustomPlot* m_curves = nullptr;
  QCustomPlot* m_faults = nullptr;
  QCustomPlot* m_poison = nullptr;
  QTableWidget* m_sanity = nullptr;
  QLabel* m_examplesTitle = nullptr;
  QScrollArea* m_examplesArea = nullptr;
  QWidget* m_examples = nullptr;
  int m_exampleCount = 0;
  std::optional<robustness::RobustnessReport> m_report;
};

}  // namespace edgewise::gui
