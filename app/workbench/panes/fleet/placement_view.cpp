#include "app/workbench/panes/fleet/placement_view.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <memory>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/widgets/qcustomplot_include.h"
#include "core/placement/profile_io.h"
#include "placement_builtin_profiles.h"  // generated: kBuiltinPlacementProfilesJson

namespace edgewise::gui {

namespace {

struct SeriesStyle {
  const char* algorithm;
  QColor color;
  Qt::PenStyle line;
  QCPScatterStyle::ScatterShape marker;
};

// The nine series of the paper's Figure 3 (the competitive online variant is in the table).
const std::vector<SeriesStyle>& plottedSeries() {
  static const std::vector<SeriesStyle> s = {
      {"offline", QColor(0x1f, 0x77, 0xb4), Qt::SolidLine, QCPScatterStyle::ssCircle},
      {"online", QColor(0xff, 0x7f, 0x0e), Qt::SolidLine, QCPScatterStyle::ssSquare},
      {"fixed-1", QColor(0x2c, 0xa0, 0x2c), Qt::DashLine, QCPScatterStyle::ssTriangle},
      {"fixed-2", QColor(0x17, 0xbe, 0xcf), Qt::DashLine, QCPScatterStyle::ssDiamond},
      {"fixed-3", QColor(0x8c, 0x56, 0x4b), Qt::DashLine, QCPScatterStyle::ssCross},
      {"fixed-4", QColor(0xbc, 0xbd, 0x22), Qt::DashLine, QCPScatterStyle::ssPlus},
      {"fixed-5", QColor(0x7f, 0x7f, 0x7f), Qt::DashLine, QCPScatterStyle::ssStar},
      {"fifo", QColor(0xd6, 0x27, 0x28), Qt::DotLine, QCPScatterStyle::ssTriangleInverted},
      {"lbf", QColor(0x94, 0x67, 0xbd), Qt::DotLine, QCPScatterStyle::ssCrossSquare},
  };
  return s;
}

QString displayName(const std::string& algorithm) {
  if (algorithm == "offline") return PlacementView::tr("offline");
  if (algorithm == "online") return PlacementView::tr("online");
  if (algorithm == "fifo") return PlacementView::tr("FIFO");
  if (algorithm == "lbf") return PlacementView::tr("LBF");
  if (algorithm == "online-competitive") return PlacementView::tr("online (competitive)");
  if (algorithm.rfind("fixed-", 0) == 0)
    return PlacementView::tr("fixed %1").arg(QString::fromStdString(algorithm.substr(6)));
  return QString::fromStdString(algorithm);
}

std::vector<int> range(int from, int to, int step) {
  std::vector<int> out;
  if (step < 1) step = 1;
  for (int v = from; v <= to; v += step) out.push_back(v);
  return out;
}

void setupPlot(QCustomPlot* plot) {
  plot->setMinimumSize(220, 200);
  plot->plotLayout()->insertRow(0);
  QFont titleFont = plot->font();
  titleFont.setBold(true);
  plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, QString(), titleFont));
  for (const SeriesStyle& s : plottedSeries()) {
    QCPGraph* g = plot->addGraph();
    g->setPen(QPen(s.color, s.line == Qt::SolidLine ? 2.0 : 1.4, s.line));
    g->setScatterStyle(QCPScatterStyle(
        s.marker, s.color,
        s.color == QColor(0x1f, 0x77, 0xb4) ? QBrush(Qt::white) : QBrush(Qt::NoBrush), 7));
  }
  plot->legend->setVisible(true);
  plot->axisRect()->insetLayout()->take(plot->legend);
  plot->plotLayout()->addElement(2, 0, plot->legend);
  plot->plotLayout()->setRowStretchFactor(2, 0.001);
  plot->legend->setWrap(5);  // before the fill order, which rearranges the items by it
  plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
  plot->legend->setBorderPen(Qt::NoPen);
  plot->legend->setMargins(QMargins(2, 0, 2, 0));
  plot->legend->setIconSize(28, 10);
}

void fillPlot(QCustomPlot* plot, const std::vector<int>& xs,
              const std::map<std::string, std::vector<double>>& values, double yMax) {
  QVector<double> x;
  for (int v : xs) x << v;
  const auto& series = plottedSeries();
  for (size_t i = 0; i < series.size(); ++i) {
    QVector<double> y;
    auto it = values.find(series[i].algorithm);
    if (it != values.end())
      for (double v : it->second) y << v;
    plot->graph(static_cast<int>(i))->setData(x, y, true);
  }
  if (!xs.empty()) {
    const double pad = xs.size() > 1 ? (xs.back() - xs.front()) * 0.03 : 1.0;
    plot->xAxis->setRange(xs.front() - pad, xs.back() + pad);
  }
  plot->yAxis->setRange(0, std::max(1.0, yMax * 1.05));
  plot->replot();
}

}  // namespace

Result<std::vector<placement::ModelProfile>> builtinPlacementProfiles() {
  return placement::profilesFromJson(kBuiltinPlacementProfilesJson);
}

Result<PlacementSweepResult> runPlacementSweeps(
    const PlacementSweepSpec& spec, const std::vector<placement::ModelProfile>& profiles,
    const std::function<bool(double)>& progress) {
  if (spec.seeds.empty()) return Error("no seed");
  if (spec.edgeCounts.empty() && spec.taskCounts.empty()) return Error("nothing to sweep");
  PlacementSweepResult out;
  out.algorithms = placement::algorithmNames();
  out.edgeCounts = spec.edgeCounts;
  out.taskCounts = spec.taskCounts;
  out.tasks = spec.tasks;
  out.edges = spec.edges;
  out.seeds = spec.seeds;
  for (const std::string& a : out.algorithms) {
    out.byEdges[a].assign(spec.edgeCounts.size(), 0.0);
    out.byTasks[a].assign(spec.taskCounts.size(), 0.0);
  }
  out.deployableByEdges.assign(spec.edgeCounts.size(), 0.0);
  out.deployableByTasks.assign(spec.taskCounts.size(), 0.0);
  const double runs =
      static_cast<double>((spec.edgeCounts.size() + spec.taskCounts.size()) * spec.seeds.size());
  const double seeds = static_cast<double>(spec.seeds.size());
  int done = 0;
  const auto one = [&](int tasks, int edges, uint64_t seed,
                       std::map<std::string, std::vector<double>>& into,
                       std::vector<double>& deployable, size_t point) -> Result<void> {
    if (progress && !progress(done / runs)) return Error("cancelled");
    placement::SimulationConfig config;
    config.tasks = tasks;
    config.edges = edges;
    config.seed = seed;
    auto r = placement::simulate(config, profiles);
    if (!r.ok()) return r.error();
    for (const auto& a : r->algorithms) {
      auto it = into.find(a.algorithm);
      if (it != into.end()) it->second[point] += a.deployed / seeds;
    }
    deployable[point] += r->deployable / seeds;
    ++done;
    return {};
  };
  for (uint64_t seed : spec.seeds) {
    for (size_t i = 0; i < spec.edgeCounts.size(); ++i)
      if (auto r = one(spec.tasks, spec.edgeCounts[i], seed, out.byEdges, out.deployableByEdges, i);
          !r.ok())
        return r.error();
    for (size_t i = 0; i < spec.taskCounts.size(); ++i)
      if (auto r = one(spec.taskCounts[i], spec.edges, seed, out.byTasks, out.deployableByTasks, i);
          !r.ok())
        return r.error();
  }
  if (progress) progress(1.0);
  return out;
}

PlacementView::PlacementView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("placementView"));
  const auto spin = [this](const char* name, int min, int max, int value, int step) {
    auto* s = new QSpinBox(this);
    s->setObjectName(QString::fromLatin1(name));
    s->setRange(min, max);
    s->setValue(value);
    s->setSingleStep(step);
    s->setGroupSeparatorShown(true);
    return s;
  };
  m_tasksLabel = new QLabel(this);
  m_tasks = spin("placementTasks", 1, 100000, 1000, 100);
  m_edgesLabel = new QLabel(this);
  m_edgesFrom = spin("placementEdgesFrom", 1, 10000, 20, 10);
  m_edgesTo = spin("placementEdgesTo", 1, 10000, 90, 10);
  m_edgesStep = spin("placementEdgesStep", 1, 10000, 10, 5);
  m_taskSweepLabel = new QLabel(this);
  m_tasksFrom = spin("placementTasksFrom", 1, 100000, 200, 100);
  m_tasksTo = spin("placementTasksTo", 1, 100000, 1000, 100);
  m_tasksStep = spin("placementTasksStep", 1, 100000, 200, 100);
  m_atEdgesLabel = new QLabel(this);
  m_atEdges = spin("placementAtEdges", 1, 10000, 50, 10);
  m_seedsLabel = new QLabel(this);
  m_seeds = new QLineEdit(QStringLiteral("1"), this);
  m_seeds->setObjectName(QStringLiteral("placementSeeds"));
  m_seeds->setMaximumWidth(120);
  m_profilesLabel = new QLabel(this);
  m_profiles = new QComboBox(this);
  m_profiles->setObjectName(QStringLiteral("placementProfiles"));
  m_profiles->addItem(QString());
  m_profiles->addItem(QString());
  m_profiles->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_profiles->setMinimumContentsLength(16);
  m_run = new QPushButton(this);
  m_run->setObjectName(QStringLiteral("placementRun"));
  m_run->setDefault(true);
  m_cancel = new QPushButton(this);
  m_cancel->setObjectName(QStringLiteral("placementCancel"));
  m_cancel->setEnabled(false);
  m_progress = new QProgressBar(this);
  m_progress->setObjectName(QStringLiteral("placementProgress"));
  m_progress->setRange(0, 1000);
  m_progress->setValue(0);
  m_progress->setTextVisible(false);
  m_progress->setMaximumWidth(140);
  // Shown only while a simulation runs (a full bar without text read as a stuck control).
  QSizePolicy keepSpace = m_progress->sizePolicy();
  keepSpace.setRetainSizeWhenHidden(true);
  m_progress->setSizePolicy(keepSpace);
  m_progress->setVisible(false);

  const auto rangeBox = [this](QSpinBox* a, QSpinBox* b, QSpinBox* c) {
    auto* h = new QHBoxLayout;
    h->setSpacing(4);
    h->addWidget(a);
    h->addWidget(new QLabel(QStringLiteral("–"), this));
    h->addWidget(b);
    h->addWidget(c);
    return h;
  };
  auto* grid = new QGridLayout;
  grid->setHorizontalSpacing(8);
  grid->addWidget(m_edgesLabel, 0, 0);
  grid->addLayout(rangeBox(m_edgesFrom, m_edgesTo, m_edgesStep), 0, 1);
  grid->addWidget(m_tasksLabel, 0, 2);
  grid->addWidget(m_tasks, 0, 3);
  grid->addWidget(m_taskSweepLabel, 1, 0);
  grid->addLayout(rangeBox(m_tasksFrom, m_tasksTo, m_tasksStep), 1, 1);
  grid->addWidget(m_atEdgesLabel, 1, 2);
  grid->addWidget(m_atEdges, 1, 3);
  grid->addWidget(m_seedsLabel, 2, 0);
  auto* seedsAndProfiles = new QHBoxLayout;
  seedsAndProfiles->addWidget(m_seeds);
  seedsAndProfiles->addSpacing(8);
  seedsAndProfiles->addWidget(m_profilesLabel);
  seedsAndProfiles->addWidget(m_profiles, 1);
  grid->addLayout(seedsAndProfiles, 2, 1, 1, 3);
  grid->setColumnStretch(4, 1);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(m_run);
  buttons->addWidget(m_cancel);
  buttons->addWidget(m_progress);
  buttons->addStretch(1);

  m_edgesPlot = new QCustomPlot(this);
  m_edgesPlot->setObjectName(QStringLiteral("placementEdgesPlot"));
  m_tasksPlot = new QCustomPlot(this);
  m_tasksPlot->setObjectName(QStringLiteral("placementTasksPlot"));
  setupPlot(m_edgesPlot);
  setupPlot(m_tasksPlot);
  m_table = new QTableWidget(0, 0, this);
  m_table->setObjectName(QStringLiteral("placementTable"));
  m_table->verticalHeader()->setVisible(false);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setAlternatingRowColors(true);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

  auto* plots = new QSplitter(Qt::Horizontal, this);
  plots->addWidget(m_edgesPlot);
  plots->addWidget(m_tasksPlot);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(plots);
  split->addWidget(m_table);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);

  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("placementStatus"));
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(grid);
  layout->addLayout(buttons);
  layout->addWidget(split, 1);
  layout->addWidget(m_status);

  connect(m_run, &QPushButton::clicked, this, [this] { run(); });
  connect(m_cancel, &QPushButton::clicked, this, &PlacementView::cancel);
  connect(m_profiles, &QComboBox::activated, this, &PlacementView::chooseProfiles);
  connect(&JobManager::jobs(), &JobManager::jobProgress, this,
          [this](int id, double fraction, const QString&) {
            if (id == m_job) m_progress->setValue(static_cast<int>(fraction * 1000));
          });
  retranslateUi();
}

PlacementView::~PlacementView() {
  if (m_job) JobManager::jobs().cancel(m_job);
}

void PlacementView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void PlacementView::retranslateUi() {
  // Numbers in the UI language: LanguageManager makes its locale the default before the widgets
  // hear of the change, but a widget keeps the locale it was built with. Set on the page, it
  // reaches the spin boxes (group separators) and the table; the texts below format with
  // locale() too.
  if (locale() != QLocale()) setLocale(QLocale());
  // QCustomPlot sets a locale of its own when built (no group separators), which the page's
  // does not reach.
  for (QCustomPlot* plot : {m_edgesPlot, m_tasksPlot}) plot->setLocale(locale());
  m_edgesLabel->setText(tr("Edge servers:"));
  m_edgesLabel->setToolTip(tr("First sweep: the number of edge servers, from – to, step"));
  m_tasksLabel->setText(tr("at tasks:"));
  m_taskSweepLabel->setText(tr("Tasks:"));
  m_taskSweepLabel->setToolTip(tr("Second sweep: the number of tasks, from – to, step"));
  m_atEdgesLabel->setText(tr("at servers:"));
  m_edgesStep->setPrefix(tr("step "));
  m_tasksStep->setPrefix(tr("step "));
  m_seedsLabel->setText(tr("Seeds:"));
  m_seeds->setToolTip(tr("One or more seeds, e.g. 1,2,3; the plots show the mean"));
  m_profilesLabel->setText(tr("Layer profiles:"));
  m_profiles->setItemText(0, tr("Measured (saved, built in)"));
  m_profiles->setItemText(
      1, m_profilesFile.isEmpty() ? tr("From file…") : QFileInfo(m_profilesFile).fileName());
  m_profiles->setToolTip(
      tr("Per-layer compute and output sizes of real LibTorch models: the measurement saved in "
         "tests/data/placement_profiles.json, or a file from edgewise-cli plan placement "
         "--save-profiles"));
  m_run->setText(tr("&Run simulation"));
  m_run->setToolTip(
      tr("The paper's set-up: inputs 100 kB–1 MB, 5–10 layers, links 10 Mb/s–1 Gb/s, latency "
         "bound 0.2 s"));
  m_cancel->setText(tr("Cancel"));
  const auto titles = [](QCustomPlot* plot, const QString& title, const QString& x) {
    if (auto* t = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0)))
      t->setText(title);
    plot->xAxis->setLabel(x);
    plot->yAxis->setLabel(tr("tasks deployed at the edge"));
    for (size_t i = 0; i < plottedSeries().size(); ++i)
      plot->graph(static_cast<int>(i))->setName(displayName(plottedSeries()[i].algorithm));
  };
  titles(m_edgesPlot,
         tr("Tasks at the edge vs edge servers (%1 tasks)")
             .arg(locale().toString(m_hasResult ? m_result.tasks : m_tasks->value())),
         tr("edge servers"));
  titles(m_tasksPlot,
         tr("Tasks at the edge vs tasks (%1 edge servers)")
             .arg(locale().toString(m_hasResult ? m_result.edges : m_atEdges->value())),
         tr("tasks"));
  m_edgesPlot->replot();
  m_tasksPlot->replot();
  showResult();
  if (m_showingSummary && !m_job) setStatus(resultSummary());
  if (m_lastStatus.isEmpty() && !m_job)
    m_status->setText(
        tr("Press Run simulation to reproduce the paper's Figure 3 (Li, Ota, Dong, "
           "IEEE Network 2018) on the measured layer profiles."));
}

QString PlacementView::resultSummary() const {
  const PlacementSweepResult& r = m_result;
  const int runs = static_cast<int>((r.edgeCounts.size() + r.taskCounts.size()) * r.seeds.size());
  const QString done = tr("%n simulation run(s)", nullptr, runs);
  const auto off = r.byTasks.find("offline");
  const auto fifo = r.byTasks.find("fifo");
  if (r.taskCounts.empty() || off == r.byTasks.end() || fifo == r.byTasks.end()) return done;
  return tr("%1. At %2 tasks on %3 edge servers the offline algorithm deploys %4 at the edge, "
            "FIFO %5.")
      .arg(done, locale().toString(r.taskCounts.back()), locale().toString(r.edges),
           locale().toString(off->second.back(), 'f', 0),
           locale().toString(fifo->second.back(), 'f', 0));
}

void PlacementView::setStatus(const QString& text, bool error) {
  m_lastStatus = text;
  m_status->setText(
      error ? QStringLiteral("<b style='color:#b00020'>%1</b>").arg(text.toHtmlEscaped())
            : text.toHtmlEscaped());
}

void PlacementView::setRunning(bool running) {
  m_run->setEnabled(!running);
  m_cancel->setEnabled(running);
  if (running) m_progress->setValue(0);
  m_progress->setVisible(running);
}

void PlacementView::chooseProfiles(int index) {
  if (index == 0) {
    m_profilesFile.clear();
  } else {
    const QString path = QFileDialog::getOpenFileName(this, tr("Layer profiles"), m_profilesFile,
                                                      tr("Layer profiles (*.json);;All files (*)"));
    if (path.isEmpty()) {
      m_profiles->setCurrentIndex(m_profilesFile.isEmpty() ? 0 : 1);
      return;
    }
    m_profilesFile = path;
  }
  retranslateUi();
}

void PlacementView::setProfilesFile(const QString& path) {
  m_profilesFile = path;
  m_profiles->setCurrentIndex(path.isEmpty() ? 0 : 1);
  retranslateUi();
}

PlacementSweepSpec PlacementView::spec() const {
  PlacementSweepSpec s;
  s.tasks = m_tasks->value();
  s.edgeCounts = range(m_edgesFrom->value(), m_edgesTo->value(), m_edgesStep->value());
  s.edges = m_atEdges->value();
  s.taskCounts = range(m_tasksFrom->value(), m_tasksTo->value(), m_tasksStep->value());
  s.seeds.clear();
  for (const QString& part : m_seeds->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    bool ok = false;
    const qulonglong v = part.trimmed().toULongLong(&ok);
    if (ok) s.seeds.push_back(v);
  }
  return s;
}

void PlacementView::setSpec(const PlacementSweepSpec& s) {
  m_tasks->setValue(s.tasks);
  const auto setRange = [](const std::vector<int>& v, QSpinBox* from, QSpinBox* to,
                           QSpinBox* step) {
    if (v.empty()) return;
    from->setValue(v.front());
    to->setValue(v.back());
    step->setValue(v.size() > 1 ? v[1] - v[0] : 1);
  };
  setRange(s.edgeCounts, m_edgesFrom, m_edgesTo, m_edgesStep);
  setRange(s.taskCounts, m_tasksFrom, m_tasksTo, m_tasksStep);
  m_atEdges->setValue(s.edges);
  QStringList seeds;
  for (uint64_t v : s.seeds) seeds << QString::number(v);
  m_seeds->setText(seeds.join(QLatin1Char(',')));
}

int PlacementView::run() {
  if (m_job) return 0;
  const PlacementSweepSpec s = spec();
  if (s.seeds.empty()) {
    setStatus(tr("Enter at least one seed (whole numbers, separated by commas)."), true);
    return 0;
  }
  if (s.edgeCounts.empty() || s.taskCounts.empty()) {
    setStatus(tr("Each sweep needs a start no greater than its end."), true);
    return 0;
  }
  auto profiles = m_profilesFile.isEmpty() ? builtinPlacementProfiles()
                                           : placement::loadProfiles(m_profilesFile.toStdString());
  if (!profiles.ok()) {
    setStatus(tr("Cannot read the layer profiles: %1")
                  .arg(QString::fromStdString(profiles.error().toString())),
              true);
    return 0;
  }
  auto out = std::make_shared<PlacementSweepResult>();
  const int points = static_cast<int>((s.edgeCounts.size() + s.taskCounts.size()) * s.seeds.size());
  m_job = JobManager::jobs().start(
      tr("Placement simulation (%n run(s))", nullptr, points),
      [s, profiles = std::move(*profiles), out](JobContext& context) -> Result<QString> {
        auto r = runPlacementSweeps(s, profiles, [&context](double f) {
          context.setProgress(f);
          return !context.isCancelled();
        });
        if (context.isCancelled()) return JobContext::cancelledError();
        if (!r.ok()) return r.error();
        *out = std::move(*r);
        return PlacementView::tr(
            "%n simulation run(s)", nullptr,
            static_cast<int>((s.edgeCounts.size() + s.taskCounts.size()) * s.seeds.size()));
      });
  const int id = m_job;
  disconnect(m_jobFinished);
  m_jobFinished = connect(&JobManager::jobs(), &JobManager::jobFinished, this,
                          [this, id, out](int ended, JobState state, const QString& message) {
                            if (ended != id) return;
                            disconnect(m_jobFinished);
                            m_job = 0;
                            setRunning(false);
                            const bool ok = state == JobState::Succeeded;
                            if (ok) {
                              m_result = std::move(*out);
                              m_hasResult = true;
                              m_progress->setValue(1000);
                              m_showingSummary = true;
                              retranslateUi();  // plots, table and the summary in the status line
                            } else if (state == JobState::Cancelled) {
                              setStatus(tr("Simulation cancelled."));
                            } else {
                              setStatus(tr("Simulation failed: %1").arg(message), true);
                            }
                            Q_EMIT finished(ok);
                          });
  setRunning(true);
  m_showingSummary = false;
  setStatus(tr("Simulating…"));
  return m_job;
}

void PlacementView::cancel() {
  if (m_job) JobManager::jobs().cancel(m_job);
}

void PlacementView::showResult() {
  if (!m_hasResult) return;
  const PlacementSweepResult& r = m_result;
  double yMaxEdges = 0, yMaxTasks = 0;
  for (const auto& [name, v] : r.byEdges)
    for (double d : v) yMaxEdges = std::max(yMaxEdges, d);
  for (const auto& [name, v] : r.byTasks)
    for (double d : v) yMaxTasks = std::max(yMaxTasks, d);
  fillPlot(m_edgesPlot, r.edgeCounts, r.byEdges, yMaxEdges);
  fillPlot(m_tasksPlot, r.taskCounts, r.byTasks, yMaxTasks);

  const bool whole = r.seeds.size() == 1;
  const QLocale loc = locale();
  const auto number = [whole, loc](double v) { return loc.toString(v, 'f', whole ? 0 : 1); };
  QStringList headers{tr("Tasks"), tr("Edge servers")};
  for (const std::string& a : r.algorithms) headers << displayName(a);
  headers << tr("Deployable");
  m_table->clear();
  m_table->setColumnCount(static_cast<int>(headers.size()));
  m_table->setHorizontalHeaderLabels(headers);
  m_table->setRowCount(static_cast<int>(r.edgeCounts.size() + r.taskCounts.size()));
  int row = 0;
  const auto addRow = [&](int tasks, int edges, const std::map<std::string, std::vector<double>>& m,
                          const std::vector<double>& deployable, size_t i) {
    int col = 0;
    const auto cell = [&](const QString& text) {
      auto* item = new QTableWidgetItem(text);
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      m_table->setItem(row, col++, item);
    };
    cell(loc.toString(tasks));
    cell(loc.toString(edges));
    for (const std::string& a : r.algorithms) cell(number(m.at(a)[i]));
    cell(number(deployable[i]));
    ++row;
  };
  for (size_t i = 0; i < r.edgeCounts.size(); ++i)
    addRow(r.tasks, r.edgeCounts[i], r.byEdges, r.deployableByEdges, i);
  for (size_t i = 0; i < r.taskCounts.size(); ++i)
    addRow(r.taskCounts[i], r.edges, r.byTasks, r.deployableByTasks, i);
}

}  // namespace edgewise::gui
