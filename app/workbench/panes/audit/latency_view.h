#pragma once
// The Audit pane's Latency tab: the local latency benchmark of the chosen model
// (benchmarkLatency, the same as `edgewise-cli audit latency`) as a background job: the
// figures (init, first inference, warm-up, p50 / p90 / p99 / max, mean +- std, cv, peak RSS)
// and a histogram of every timed run with the percentiles marked.

#include <QString>
#include <QWidget>
#include <optional>

#include "core/training/service/latency_benchmark.h"
#include "core/training/service/model_registry.h"

class QCustomPlot;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;

namespace edgewise::gui {

class JobStrip;
class Workspace;

class LatencyView : public QWidget {
  Q_OBJECT
 public:
  explicit LatencyView(Workspace& workspace, QWidget* parent = nullptr);

  void setModel(const std::optional<training::ModelRecord>& model);
  void setSeconds(double seconds);  // at least 1

  bool runBenchmark();
  void cancel();
  bool isRunning() const;
  QString statusText() const;

  const std::optional<training::LatencyBenchmark>& benchmark() const { return m_benchmark; }
  QCustomPlot* histogramPlot() const { return m_histogram; }
  // The figure shown for a key ("p50", "p99", "runs", "init", ...), for tests.
  QString figureText(const QString& key) const;

 Q_SIGNALS:
  void finished(bool ok);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void show(training::LatencyBenchmark benchmark);
  void showFigures();

  Workspace& m_workspace;
  std::optional<training::ModelRecord> m_model;
  QLabel* m_secondsLabel = nullptr;
  QDoubleSpinBox* m_seconds = nullptr;
  JobStrip* m_job = nullptr;
  QFormLayout* m_form = nullptr;
  std::vector<std::pair<QString, QLabel*>> m_figures;  // key -> value label
  std::vector<QLabel*> m_figureNames;
  QLabel* m_notes = nullptr;
  QCustomPlot* m_histogram = nullptr;
  std::optional<training::LatencyBenchmark> m_benchmark;
};

}  // namespace edgewise::gui
