#include "app/workbench/panes/audit/robustness_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "app/workbench/panes/audit/audit_plots.h"
#include "app/workbench/panes/audit/job_strip.h"
#include "app/workbench/widgets/qcustomplot_include.h"
#include "app/workbench/workspace.h"
#include "core/store/project.h"

namespace edgewise::gui {

namespace {

constexpr const char* kDefaultEps = "0,0.01,0.02,0.05,0.1,0.2,0.3";
constexpr int kExamplePixels = 84;

// "0, 0.01,0.1" -> numbers >= 0; an error names the item that is not one.
Result<std::vector<double>> parseEps(const QString& text) {
  std::vector<double> out;
  for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    bool ok = false;
    const double v = item.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < 0)
      return Error("'" + item.trimmed().toStdString() + "' is not a number >= 0");
    out.push_back(v);
  }
  if (out.empty()) return Error("give at least one epsilon");
  return out;
}

bool isImage(const std::vector<int>& shape) {
  return shape.size() == 3 && shape[1] > 1 && shape[2] > 1 && (shape[0] == 1 || shape[0] == 3);
}

// A channel-first image row as a QImage, values mapped from [lo, hi] to 0..255.
QImage toImage(const std::vector<float>& v, const std::vector<int>& shape, float lo, float hi) {
  const int c = shape[0], h = shape[1], w = shape[2];
  QImage img(w, h, QImage::Format_RGB32);
  const float span = hi > lo ? hi - lo : 1.0f;
  auto level = [&](int ch, int y, int x) {
    const size_t i = static_cast<size_t>((ch * h + y) * w + x);
    const float t = i < v.size() ? (v[i] - lo) / span : 0.0f;
    return std::clamp(static_cast<int>(std::lround(255.0f * t)), 0, 255);
  };
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const int r = level(0, y, x);
      img.setPixel(x, y, c == 3 ? qRgb(r, level(1, y, x), level(2, y, x)) : qRgb(r, r, r));
    }
  return img;
}

// The perturbation of a channel-first image: blue (negative), white (0), red (positive),
// symmetric around 0 (the first channel).
QImage perturbationImage(const std::vector<float>& d, const std::vector<int>& shape) {
  const int h = shape[1], w = shape[2];
  float extent = 1e-12f;
  for (float x : d) extent = std::max(extent, std::abs(x));
  QImage img(w, h, QImage::Format_RGB32);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const size_t i = static_cast<size_t>(y * w + x);
      const float t = i < d.size() ? d[i] / extent : 0.0f;  // -1..1
      const int fade = static_cast<int>(std::lround(255.0f * (1.0f - std::abs(t))));
      img.setPixel(x, y, t >= 0 ? qRgb(255, fade, fade) : qRgb(fade, fade, 255));
    }
  return img;
}

QLabel* imageLabel(const QImage& img, QWidget* parent) {
  auto* label = new QLabel(parent);
  label->setPixmap(QPixmap::fromImage(
      img.scaled(kExamplePixels, kExamplePixels, Qt::KeepAspectRatio, Qt::FastTransformation)));
  label->setFrameShape(QFrame::Box);
  return label;
}

}  // namespace

RobustnessView::RobustnessView(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace) {
  setObjectName(QStringLiteral("auditRobustnessView"));
  m_attackLabel = new QLabel(this);
  m_attack = new QComboBox(this);
  m_attack->setObjectName(QStringLiteral("robustnessAttack"));
  m_attack->addItem(QStringLiteral("FGSM"), QStringLiteral("fgsm"));
  m_attack->addItem(QStringLiteral("PGD"), QStringLiteral("pgd"));
  m_attack->addItem(QStringLiteral("DeepFool"), QStringLiteral("deepfool"));
  m_attack->addItem(QStringLiteral("Carlini-Wagner L2"), QStringLiteral("cw"));
  m_normLabel = new QLabel(this);
  m_norm = new QComboBox(this);
  m_norm->setObjectName(QStringLiteral("robustnessNorm"));
  m_norm->addItem(QStringLiteral("L\u221e"), QStringLiteral("linf"));
  m_norm->addItem(QStringLiteral("L2"), QStringLiteral("l2"));
  m_epsLabel = new QLabel(this);
  m_eps = new QLineEdit(QString::fromLatin1(kDefaultEps), this);
  m_eps->setObjectName(QStringLiteral("robustnessEps"));
  m_eps->setMinimumWidth(200);
  m_unitLabel = new QLabel(this);
  m_unit = new QComboBox(this);
  m_unit->setObjectName(QStringLiteral("robustnessUnit"));
  m_unit->addItem(QString(), QStringLiteral("auto"));
  m_unit->addItem(QString(), QStringLiteral("raw"));
  m_unit->addItem(QString(), QStringLiteral("std"));
  m_stepsLabel = new QLabel(this);
  m_steps = new QSpinBox(this);
  m_steps->setRange(1, 1000);
  m_steps->setValue(20);
  m_rowsLabel = new QLabel(this);
  m_rows = new QSpinBox(this);
  m_rows->setObjectName(QStringLiteral("robustnessRows"));
  m_rows->setRange(0, 1000000);
  m_rows->setSingleStep(100);
  m_rows->setValue(1000);
  m_faultsBox = new QCheckBox(this);
  m_faultsBox->setObjectName(QStringLiteral("robustnessFaults"));
  m_poisonBox = new QCheckBox(this);
  m_poisonBox->setObjectName(QStringLiteral("robustnessPoison"));
  m_job = new JobStrip(this);
  m_job->runButton()->setObjectName(QStringLiteral("robustnessRun"));

  m_banner = new QLabel(this);
  m_banner->setObjectName(QStringLiteral("robustnessBanner"));
  m_banner->setWordWrap(true);
  m_banner->setVisible(false);

  m_curves = new QCustomPlot(this);
  m_curves->setObjectName(QStringLiteral("robustnessCurves"));
  m_faults = new QCustomPlot(this);
  m_faults->setObjectName(QStringLiteral("robustnessFaultCurves"));
  m_poison = new QCustomPlot(this);
  m_poison->setObjectName(QStringLiteral("robustnessPoisonCurve"));
  for (QCustomPlot* p : {m_curves, m_faults, m_poison}) p->setMinimumSize(260, 190);
  m_sanity = new QTableWidget(0, 3, this);
  m_sanity->setObjectName(QStringLiteral("robustnessSanity"));
  m_sanity->verticalHeader()->setVisible(false);
  m_sanity->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  m_sanity->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  m_sanity->horizontalHeader()->setStretchLastSection(true);
  m_sanity->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_sanity->setWordWrap(true);

  m_examplesTitle = new QLabel(this);
  m_examplesArea = new QScrollArea(this);
  m_examplesArea->setObjectName(QStringLiteral("robustnessExamples"));
  m_examplesArea->setWidgetResizable(true);
  m_examplesArea->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_examplesArea->setMinimumHeight(150);

  auto* attackRow = new QHBoxLayout;
  for (QWidget* w :
       std::initializer_list<QWidget*>{m_attackLabel, m_attack, m_normLabel, m_norm, m_epsLabel})
    attackRow->addWidget(w);
  attackRow->addWidget(m_eps, 1);
  for (QWidget* w : std::initializer_list<QWidget*>{m_unitLabel, m_unit, m_stepsLabel, m_steps,
                                                    m_rowsLabel, m_rows})
    attackRow->addWidget(w);
  auto* runRow = new QHBoxLayout;
  runRow->addWidget(m_faultsBox);
  runRow->addWidget(m_poisonBox);
  runRow->addSpacing(12);
  runRow->addWidget(m_job, 1);

  auto* grid = new QWidget(this);
  auto* gridLayout = new QGridLayout(grid);
  gridLayout->setContentsMargins(0, 0, 0, 0);
  gridLayout->addWidget(m_curves, 0, 0);
  gridLayout->addWidget(m_sanity, 0, 1);
  gridLayout->addWidget(m_faults, 1, 0);
  gridLayout->addWidget(m_poison, 1, 1);
  gridLayout->setColumnStretch(0, 3);
  gridLayout->setColumnStretch(1, 2);
  gridLayout->setRowStretch(0, 1);
  gridLayout->setRowStretch(1, 1);
  auto* examplesBox = new QWidget(this);
  auto* examplesLayout = new QVBoxLayout(examplesBox);
  examplesLayout->setContentsMargins(0, 0, 0, 0);
  examplesLayout->addWidget(m_examplesTitle);
  examplesLayout->addWidget(m_examplesArea, 1);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(grid);
  split->addWidget(examplesBox);
  split->setStretchFactor(0, 4);
  split->setStretchFactor(1, 1);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(attackRow);
  layout->addLayout(runRow);
  layout->addWidget(m_job->statusLabel());
  layout->addWidget(m_banner);
  layout->addWidget(split, 1);

  connect(m_attack, &QComboBox::currentIndexChanged, this, [this] { attackChanged(); });
  connect(m_job, &JobStrip::runRequested, this, [this] { runAudit(); });
  connect(m_job, &JobStrip::finished, this, &RobustnessView::finished);
  connect(m_eps, &QLineEdit::returnPressed, this, [this] { runAudit(); });
  auto* run = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
  run->setContext(Qt::WidgetWithChildrenShortcut);
  connect(run, &QShortcut::activated, this, [this] { runAudit(); });
  retranslateUi();
  attackChanged();
}

void RobustnessView::retranslateUi() {
  m_attackLabel->setText(tr("Attack:"));
  m_attack->setToolTip(
      tr("FGSM: one gradient step; PGD: iterated steps projected onto the "
         "\u03b5-ball (the stronger test); DeepFool and Carlini-Wagner: the "
         "smallest perturbation that flips each row"));
  m_normLabel->setText(tr("Norm:"));
  m_norm->setToolTip(tr("How the size of a perturbation is measured (Carlini-Wagner is L2 only)"));
  m_epsLabel->setText(tr("\u03b5:"));
  m_eps->setToolTip(tr("Comma-separated perturbation budgets, 0 included for the clean point"));
  m_eps->setPlaceholderText(QString::fromLatin1(kDefaultEps));
  m_unitLabel->setText(tr("Unit:"));
  m_unit->setItemText(0, tr("auto"));
  m_unit->setItemText(1, tr("model input"));
  m_unit->setItemText(2, tr("std per channel"));
  m_unit->setToolTip(
      tr("Model input: \u03b5 in the model's input units (images: pixels / 255). "
         "Std per channel: \u03b5 in standard deviations of each sensor channel "
         "(mixed units such as IMU). Auto picks model input for images."));
  m_stepsLabel->setText(tr("Steps:"));
  m_steps->setToolTip(tr("PGD iterations; DeepFool / Carlini-Wagner: maximum iterations"));
  m_rowsLabel->setText(tr("Rows:"));
  m_rows->setSpecialValueText(tr("all"));
  m_rows->setToolTip(tr("Evenly spaced test rows to attack (all: the whole test split)"));
  m_faultsBox->setText(tr("Fault curves"));
  m_faultsBox->setToolTip(
      tr("Accuracy under sensor noise, channel dropout, stuck-at values, "
         "clock skew, jitter and packet loss"));
  m_poisonBox->setText(tr("Label-flip poisoning"));
  m_poisonBox->setToolTip(
      tr("Retrains the model with 1-30% of its training labels flipped "
         "(slow: one training per fraction)"));
  m_job->runButton()->setText(tr("Run audit"));
  m_job->runButton()->setToolTip(tr("Attack the model at every \u03b5 (Ctrl+Return)"));
  m_sanity->setHorizontalHeaderLabels({tr("Sanity check"), tr("Result"), tr("Detail")});
  m_examplesTitle->setText(tr("Adversarial examples"));
  if (m_report) {
    show(*m_report);
  } else {
    AuditPlots::reset(m_curves);
    AuditPlots::setTitle(m_curves, tr("Robust accuracy against \u03b5"));
    AuditPlots::reset(m_faults);
    AuditPlots::setTitle(m_faults, tr("Accuracy under IoT faults"));
    AuditPlots::reset(m_poison);
    AuditPlots::setTitle(m_poison, tr("Label-flip poisoning"));
    for (QCustomPlot* p : {m_curves, m_faults, m_poison}) p->replot(QCustomPlot::rpQueuedReplot);
  }
}

void RobustnessView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void RobustnessView::attackChanged() {
  const QString kind = m_attack->currentData().toString();
  const bool minimal = kind == QStringLiteral("deepfool") || kind == QStringLiteral("cw");
  if (minimal) m_norm->setCurrentIndex(1);  // the minimal-perturbation attacks default to L2
  m_norm->setEnabled(kind != QStringLiteral("cw"));
}

void RobustnessView::setModel(const std::optional<training::ModelRecord>& model) {
  m_model = model;
  if (m_report && (!model || model->id != m_report->modelId)) {
    m_report.reset();
    m_sanity->setRowCount(0);
    m_job->setStatus(QString());
    updateBanner();
    showExamples();
    retranslateUi();
  }
}

void RobustnessView::setAttack(training::AttackKind kind) {
  m_attack->setCurrentIndex(m_attack->findData(QString::fromStdString(training::attackName(kind))));
}
void RobustnessView::setEpsText(const QString& text) {
  m_eps->setText(text);
}
QString RobustnessView::epsText() const {
  return m_eps->text();
}
void RobustnessView::setMaxRows(int rows) {
  m_rows->setValue(rows);
}
void RobustnessView::setFaults(bool on) {
  m_faultsBox->setChecked(on);
}
void RobustnessView::setPoison(bool on) {
  m_poisonBox->setChecked(on);
}
bool RobustnessView::isRunning() const {
  return m_job->isRunning();
}
QString RobustnessView::statusText() const {
  return m_job->status();
}
QString RobustnessView::bannerText() const {
  return m_banner->isHidden() ? QString() : m_banner->text();
}
void RobustnessView::cancel() {
  m_job->cancel();
}

bool RobustnessView::runAudit() {
  if (!m_workspace.project() || !m_model) {
    // Says which is missing.
    m_job->workerConnection(m_workspace, m_model.has_value(),
                            tr("Pick a model to audit: train one in the Training pane first."));
    return false;
  }
  auto eps = parseEps(m_eps->text());
  if (!eps.ok()) {
    m_job->setStatus(tr("\u03b5: %1").arg(QString::fromStdString(eps.error().toString())), true);
    return false;
  }
  robustness::RobustnessRequest request;
  request.modelId = m_model->id;
  request.attack =
      training::parseAttackKind(m_attack->currentData().toString().toStdString()).value();
  request.norm = training::parseAttackNorm(m_norm->currentData().toString().toStdString()).value();
  if (*request.attack == training::AttackKind::CarliniWagner)
    request.norm = training::AttackNorm::L2;
  request.eps = *eps;
  request.epsUnit = m_unit->currentData().toString().toStdString();
  request.steps = m_steps->value();
  request.maxRows = m_rows->value();
  request.faults = m_faultsBox->isChecked();
  request.poison = m_poisonBox->isChecked();
  request.examples = 4;
  std::shared_ptr<store::Project> connection =
      m_job->workerConnection(m_workspace, true, QString());
  if (!connection) return false;
  return m_job->start<robustness::RobustnessReport>(
      tr("Robustness of %1 (%2)")
          .arg(QString::fromStdString(m_model->name), m_attack->currentText()),
      [connection, request](JobContext& context, std::atomic<bool>& cancel)
          -> Result<std::pair<robustness::RobustnessReport, QString>> {
        auto report = robustness::auditRobustness(*connection, request,
                                                  JobStrip::forward(context, cancel), &cancel);
        if (!report.ok()) return report.error();
        const robustness::RobustnessReport& r = report.value();
        QString summary =
            RobustnessView::tr("Clean accuracy %1%").arg(100.0 * r.cleanAccuracy, 0, 'f', 1);
        if (r.attack && !r.attack->eps.empty())
          summary += RobustnessView::tr(", %1% at \u03b5 = %2")
                         .arg(100.0 * r.attack->accuracy.back(), 0, 'f', 1)
                         .arg(r.attack->eps.back());
        return std::make_pair(std::move(report.value()), std::move(summary));
      },
      [this](robustness::RobustnessReport r) { show(std::move(r)); },
      tr("Robustness audit cancelled."), tr("Robustness audit failed: %1"));
}

void RobustnessView::show(robustness::RobustnessReport report) {
  m_report = std::move(report);
  AuditPlots::robustnessCurves(m_curves, *m_report);
  AuditPlots::faultCurves(m_faults, *m_report);
  AuditPlots::poisonCurve(m_poison, *m_report);
  showSanity();
  updateBanner();
  showExamples();
}

void RobustnessView::showSanity() {
  m_sanity->setRowCount(0);
  if (!m_report) return;
  for (const robustness::SanityCheck& c : m_report->sanity.checks) {
    const int row = m_sanity->rowCount();
    m_sanity->insertRow(row);
    auto* name = new QTableWidgetItem(QString::fromStdString(c.name));
    auto* verdict = new QTableWidgetItem(c.passed ? tr("\u2713 passed") : tr("\u2717 failed"));
    verdict->setForeground(c.passed ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    auto* detail = new QTableWidgetItem(QString::fromStdString(c.detail));
    detail->setToolTip(detail->text());
    m_sanity->setItem(row, 0, name);
    m_sanity->setItem(row, 1, verdict);
    m_sanity->setItem(row, 2, detail);
  }
  m_sanity->resizeRowsToContents();
}

void RobustnessView::updateBanner() {
  if (!m_report || m_report->warnings.empty()) {
    m_banner->setVisible(false);
    m_banner->clear();
    return;
  }
  QStringList lines;
  for (const std::string& w : m_report->warnings) lines << QString::fromStdString(w);
  const bool masked = m_report->sanity.gradientMaskingSuspected;
  m_banner->setText((masked ? tr("\u26a0 Gradient masking suspected: the robust accuracy "
                                 "below is probably an overestimate.")
                            : tr("\u26a0 Sanity checks failed.")) +
                    QStringLiteral("\n") + lines.join(QStringLiteral("\n")));
  m_banner->setStyleSheet(
      masked ? QStringLiteral("QLabel { background: #fde2e1; color: #8b1a1a; border: 1px solid "
                              "#c62828; border-radius: 4px; padding: 6px; font-weight: bold; }")
             : QStringLiteral("QLabel { background: #fff3cd; color: #7a4b00; border: 1px solid "
                              "#e0a800; border-radius: 4px; padding: 6px; font-weight: bold; }"));
  m_banner->setVisible(true);
}

std::vector<QPointF> RobustnessView::plottedCurve(training::AttackKind kind) const {
  std::vector<QPointF> out;
  training::RobustnessCurve probe;
  probe.kind = kind;
  const QString prefix = AuditPlots::curveName(probe).section(QLatin1Char(' '), 0, 0);
  for (int i = 0; i < m_curves->graphCount(); ++i) {
    QCPGraph* g = m_curves->graph(i);
    if (g->name().section(QLatin1Char(' '), 0, 0) != prefix) continue;
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
      out.emplace_back(it->key, it->value);
    break;
  }
  return out;
}

void RobustnessView::showExamples() {
  auto* holder = new QWidget;
  auto* row = new QHBoxLayout(holder);
  row->setContentsMargins(4, 4, 4, 4);
  m_exampleCount = 0;
  const training::RobustnessCurve* curve =
      m_report && m_report->attack && !m_report->attack->examples.empty() ? &*m_report->attack
                                                                          : nullptr;
  if (curve) {
    for (const training::AdversarialExample& e : curve->examples) {
      row->addWidget(exampleWidget(e));
      ++m_exampleCount;
    }
  } else {
    auto* empty = new QLabel(m_report ? tr("No adversarial examples: this attack kept none.")
                                      : tr("Run an audit to see adversarial examples."),
                             holder);
    empty->setStyleSheet(QStringLiteral("QLabel { color: #777; }"));
    row->addWidget(empty);
  }
  row->addStretch(1);
  m_examplesArea->setWidget(holder);  // deletes the previous holder
  m_examples = holder;
}

QWidget* RobustnessView::exampleWidget(const training::AdversarialExample& e) {
  auto* box = new QFrame;
  box->setFrameShape(QFrame::StyledPanel);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(6, 4, 6, 4);
  auto className = [this](int c) {
    return m_model && c >= 0 && c < static_cast<int>(m_model->classNames.size())
               ? QString::fromStdString(m_model->classNames[size_t(c)])
               : QString::number(c);
  };
  auto* caption =
      new QLabel(tr("%1 \u2192 %2 at \u03b5 = %3")
                     .arg(className(e.cleanPrediction), className(e.adversarialPrediction))
                     .arg(e.eps),
                 box);
  caption->setToolTip(tr("True class %1; the model said %2 on the clean input and %3 on the "
                         "perturbed one")
                          .arg(className(e.label), className(e.cleanPrediction),
                               className(e.adversarialPrediction)));
  if (e.adversarialPrediction != e.cleanPrediction)
    caption->setStyleSheet(QStringLiteral("QLabel { color: #8b1a1a; font-weight: bold; }"));
  layout->addWidget(caption);
  const std::vector<int>& shape = m_report->inputShape;
  if (isImage(shape)) {
    float lo = m_report->clipped ? m_report->clipMin
                                 : *std::min_element(e.original.begin(), e.original.end());
    float hi = m_report->clipped ? m_report->clipMax
                                 : *std::max_element(e.original.begin(), e.original.end());
    auto* images = new QGridLayout;
    images->addWidget(imageLabel(toImage(e.original, shape, lo, hi), box), 0, 0);
    images->addWidget(imageLabel(toImage(e.adversarial, shape, lo, hi), box), 0, 1);
    images->addWidget(imageLabel(perturbationImage(e.perturbation, shape), box), 0, 2);
    int col = 0;
    for (const QString& t : {tr("original"), tr("perturbed"), tr("perturbation")}) {
      auto* l = new QLabel(t, box);
      l->setAlignment(Qt::AlignHCenter);
      images->addWidget(l, 1, col++);
    }
    layout->addLayout(images);
  } else {
    auto* plot = new QCustomPlot(box);
    plot->setMinimumSize(280, 110);
    plot->setInteractions({});
    auto* original = plot->addGraph();
    original->setName(tr("original"));
    original->setPen(QPen(QColor(0x55, 0x55, 0x55), 1));
    auto* adversarial = plot->addGraph();
    adversarial->setName(tr("perturbed"));
    adversarial->setPen(QPen(QColor(0xd6, 0x27, 0x28), 1));
    for (size_t i = 0; i < e.original.size(); ++i) {
      original->addData(double(i), e.original[i]);
      if (i < e.adversarial.size()) adversarial->addData(double(i), e.adversarial[i]);
    }
    plot->rescaleAxes();
    plot->xAxis->setTickLabels(false);
    plot->yAxis->setTickLabels(false);
    plot->legend->setVisible(true);
    QFont small = plot->font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    plot->legend->setFont(small);
    plot->axisRect()->setAutoMargins(QCP::msNone);
    plot->axisRect()->setMargins(QMargins(4, 4, 4, 4));
    plot->replot(QCustomPlot::rpQueuedReplot);
    layout->addWidget(plot, 1);
  }
  return box;
}

}  // namespace edgewise::gui
