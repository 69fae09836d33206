#include "app/workbench/panes/audit/latency_view.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

#include "app/workbench/panes/audit/audit_plots.h"
#include "app/workbench/panes/audit/job_strip.h"
#include "app/workbench/widgets/qcustomplot_include.h"
#include "app/workbench/workspace.h"
#include "core/store/project.h"

namespace edgewise::gui {

namespace {

const char* const kKeys[] = {"init", "first", "warmup", "runs", "p50", "p90",
                             "p99",  "max",   "mean",   "cv",   "rss"};

}  // namespace

LatencyView::LatencyView(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace) {
  setObjectName(QStringLiteral("auditLatencyView"));
  m_secondsLabel = new QLabel(this);
  m_seconds = new QDoubleSpinBox(this);
  m_seconds->setObjectName(QStringLiteral("latencySeconds"));
  m_seconds->setRange(1.0, 600.0);
  m_seconds->setDecimals(1);
  m_seconds->setValue(1.0);
  m_job = new JobStrip(this);
  m_job->runButton()->setObjectName(QStringLiteral("latencyRun"));

  auto* figures = new QWidget(this);
  m_form = new QFormLayout(figures);
  for (const char* key : kKeys) {
    auto* name = new QLabel(figures);
    auto* value = new QLabel(QStringLiteral("\u2013"), figures);
    value->setObjectName(QStringLiteral("latency_") + QLatin1String(key));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = value->font();
    bold.setBold(true);
    value->setFont(bold);
    m_form->addRow(name, value);
    m_figureNames.push_back(name);
    m_figures.emplace_back(QLatin1String(key), value);
  }
  m_notes = new QLabel(figures);
  m_notes->setWordWrap(true);
  m_notes->setStyleSheet(QStringLiteral("QLabel { color: #7a4b00; }"));
  m_form->addRow(m_notes);
  figures->setMinimumWidth(260);

  m_histogram = new QCustomPlot(this);
  m_histogram->setObjectName(QStringLiteral("latencyHistogram"));
  m_histogram->setMinimumSize(360, 240);

  auto* runRow = new QHBoxLayout;
  runRow->addWidget(m_secondsLabel);
  runRow->addWidget(m_seconds);
  runRow->addSpacing(12);
  runRow->addWidget(m_job, 1);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(figures);
  split->addWidget(m_histogram);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 3);
  split->setSizes({340, 1060});
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(runRow);
  layout->addWidget(m_job->statusLabel());
  layout->addWidget(split, 1);

  connect(m_job, &JobStrip::runRequested, this, [this] { runBenchmark(); });
  connect(m_job, &JobStrip::finished, this, &LatencyView::finished);
  auto* run = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
  run->setContext(Qt::WidgetWithChildrenShortcut);
  connect(run, &QShortcut::activated, this, [this] { runBenchmark(); });
  retranslateUi();
}

void LatencyView::retranslateUi() {
  m_secondsLabel->setText(tr("Measure for:"));
  m_seconds->setSuffix(tr(" s"));
  m_seconds->setToolTip(tr("The timed phase runs at least this long and at least 50 times"));
  m_job->runButton()->setText(tr("Run benchmark"));
  m_job->runButton()->setToolTip(
      tr("Load the model, time single-sample predictions on this machine (Ctrl+Return)"));
  const QString names[] = {tr("Init (load):"),
                           tr("First inference:"),
                           tr("Warm-up:"),
                           tr("Timed runs:"),
                           tr("p50:"),
                           tr("p90:"),
                           tr("p99:"),
                           tr("Max:"),
                           tr("Mean \u00b1 std:"),
                           tr("Coefficient of variation:"),
                           tr("Peak RSS:")};
  for (size_t i = 0; i < m_figureNames.size(); ++i) m_figureNames[i]->setText(names[i]);
  m_figureNames[9]->setToolTip(
      tr("Standard deviation over mean: above 0.5 the machine was "
         "busy or the model's time varies a lot"));
  m_figureNames[10]->setToolTip(
      tr("Peak resident memory of a separate process that loads the "
         "model and serves the test rows"));
  showFigures();
}

void LatencyView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void LatencyView::setModel(const std::optional<training::ModelRecord>& model) {
  m_model = model;
  if (m_benchmark && (!model || model->id != m_benchmark->modelId)) {
    m_benchmark.reset();
    m_job->setStatus(QString());
    showFigures();
  }
}

void LatencyView::setSeconds(double seconds) {
  m_seconds->setValue(seconds);
}
bool LatencyView::isRunning() const {
  return m_job->isRunning();
}
QString LatencyView::statusText() const {
  return m_job->status();
}
void LatencyView::cancel() {
  m_job->cancel();
}

QString LatencyView::figureText(const QString& key) const {
  for (const auto& [k, label] : m_figures)
    if (k == key) return label->text();
  return {};
}

bool LatencyView::runBenchmark() {
  std::shared_ptr<store::Project> connection = m_job->workerConnection(
      m_workspace, m_model.has_value(),
      tr("Pick a model to benchmark: train one in the Training pane first."));
  if (!connection) return false;
  training::LatencyBenchmarkOptions options;
  options.seconds = m_seconds->value();
  const int64_t modelId = m_model->id;
  return m_job->start<training::LatencyBenchmark>(
      tr("Latency of %1").arg(QString::fromStdString(m_model->name)),
      [connection, modelId, options](JobContext& context, std::atomic<bool>& cancel)
          -> Result<std::pair<training::LatencyBenchmark, QString>> {
        auto b = training::benchmarkLatency(*connection, modelId, options,
                                            JobStrip::forward(context, cancel), &cancel);
        if (!b.ok()) return b.error();
        const training::LatencyStats& l = b->latency;
        QString summary =
            LatencyView::tr("p50 %1 \u00b5s, p99 %2 \u00b5s over %n runs", nullptr, l.runs)
                .arg(l.p50Us, 0, 'f', 1)
                .arg(l.p99Us, 0, 'f', 1);
        return std::make_pair(std::move(b.value()), std::move(summary));
      },
      [this](training::LatencyBenchmark b) { show(std::move(b)); },
      tr("Latency benchmark cancelled."), tr("Latency benchmark failed: %1"));
}

void LatencyView::show(training::LatencyBenchmark benchmark) {
  m_benchmark = std::move(benchmark);
  showFigures();
}

void LatencyView::showFigures() {
  if (!m_benchmark) {
    for (auto& [key, label] : m_figures) label->setText(QStringLiteral("\u2013"));
    m_notes->setText(
        tr("Benchmark the chosen model on this machine: single-sample predictions, "
           "as a device serves them."));
    AuditPlots::reset(m_histogram);
    AuditPlots::setTitle(m_histogram, tr("Latency histogram"));
    m_histogram->replot(QCustomPlot::rpQueuedReplot);
    return;
  }
  const training::LatencyBenchmark& b = *m_benchmark;
  const training::LatencyStats& l = b.latency;
  auto us = [](double v) { return QStringLiteral("%1 \u00b5s").arg(v, 0, 'f', 1); };
  const QString values[] = {tr("%1 ms").arg(b.initMs, 0, 'f', 2),
                            us(b.firstInferenceUs),
                            tr("%n runs, mean %1", nullptr, b.warmupRuns).arg(us(b.warmupMeanUs)),
                            tr("%1 in %2 s").arg(l.runs).arg(b.measuredSeconds, 0, 'f', 2),
                            us(l.p50Us),
                            us(l.p90Us),
                            us(l.p99Us),
                            us(l.maxUs),
                            QStringLiteral("%1 \u00b1 %2").arg(us(l.meanUs), us(l.stdUs)),
                            QString::number(l.cv, 'f', 3),
                            b.peakRssBytes > 0
                                ? tr("%1 MiB").arg(double(b.peakRssBytes) / (1 << 20), 0, 'f', 1)
                                : tr("not measured")};
  for (size_t i = 0; i < m_figures.size(); ++i) m_figures[i].second->setText(values[i]);
  QStringList notes;
  for (const std::string& n : b.notes) notes << QString::fromStdString(n);
  m_notes->setText(notes.join(QStringLiteral("\n")));
  AuditPlots::latencyHistogram(m_histogram, b);
}

}  // namespace edgewise::gui
