#include "app/workbench/panes/audit/drift_view.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "app/workbench/panes/audit/audit_plots.h"
#include "app/workbench/panes/audit/drift_table_model.h"
#include "app/workbench/panes/audit/job_strip.h"
#include "app/workbench/widgets/qcustomplot_include.h"

namespace edgewise::gui {

DriftView::DriftView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("auditDriftView"));
  m_referenceLabel = new QLabel(this);
  m_reference = new QLineEdit(this);
  m_reference->setObjectName(QStringLiteral("driftReference"));
  m_reference->setClearButtonEnabled(true);
  m_referenceBrowse = new QPushButton(this);
  m_liveLabel = new QLabel(this);
  m_live = new QLineEdit(this);
  m_live->setObjectName(QStringLiteral("driftLive"));
  m_live->setClearButtonEnabled(true);
  m_liveBrowse = new QPushButton(this);
  m_alphaLabel = new QLabel(this);
  m_alpha = new QDoubleSpinBox(this);
  m_alpha->setObjectName(QStringLiteral("driftAlpha"));
  m_alpha->setDecimals(3);
  m_alpha->setRange(0.001, 0.5);
  m_alpha->setSingleStep(0.01);
  m_alpha->setValue(0.05);
  m_windowLabel = new QLabel(this);
  m_window = new QSpinBox(this);
  m_window->setObjectName(QStringLiteral("driftWindow"));
  m_window->setRange(0, 1000000);
  m_window->setSingleStep(50);
  m_window->setValue(0);
  m_job = new JobStrip(this);
  m_job->runButton()->setObjectName(QStringLiteral("driftRun"));
  m_summary = new QLabel(this);
  m_summary->setObjectName(QStringLiteral("driftSummary"));
  m_summary->setWordWrap(true);

  const DriftTableAndPlots parts = makeDriftTableAndPlots(this, QStringLiteral("drift"));
  m_model = parts.model;
  m_proxy = parts.proxy;
  m_table = parts.table;
  m_histogram = parts.histogram;
  m_timeline = parts.timeline;

  auto* inputs = new QGridLayout;
  inputs->addWidget(m_referenceLabel, 0, 0);
  inputs->addWidget(m_reference, 0, 1);
  inputs->addWidget(m_referenceBrowse, 0, 2);
  inputs->addWidget(m_liveLabel, 1, 0);
  inputs->addWidget(m_live, 1, 1);
  inputs->addWidget(m_liveBrowse, 1, 2);
  inputs->setColumnStretch(1, 1);
  auto* runRow = new QHBoxLayout;
  runRow->addWidget(m_alphaLabel);
  runRow->addWidget(m_alpha);
  runRow->addSpacing(12);
  runRow->addWidget(m_windowLabel);
  runRow->addWidget(m_window);
  runRow->addSpacing(12);
  runRow->addWidget(m_job, 1);

  QSplitter* split = parts.split;

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(inputs);
  layout->addLayout(runRow);
  layout->addWidget(m_job->statusLabel());
  layout->addWidget(m_summary);
  layout->addWidget(split, 1);

  connect(m_referenceBrowse, &QPushButton::clicked, this, [this] { browse(m_reference); });
  connect(m_liveBrowse, &QPushButton::clicked, this, [this] { browse(m_live); });
  connect(m_job, &JobStrip::runRequested, this, [this] { runDrift(); });
  connect(m_job, &JobStrip::finished, this, &DriftView::finished);
  for (QLineEdit* edit : {m_reference, m_live})
    connect(edit, &QLineEdit::returnPressed, this, [this] { runDrift(); });
  auto* run = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
  run->setContext(Qt::WidgetWithChildrenShortcut);
  connect(run, &QShortcut::activated, this, [this] { runDrift(); });
  connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (current.isValid()) selectFeature(current.data(DriftTableModel::IndexRole).toInt());
          });
  retranslateUi();
}

void DriftView::retranslateUi() {
  m_referenceLabel->setText(tr("Reference:"));
  m_reference->setPlaceholderText(
      tr("CSV with a header row: the features the model was trained on"));
  m_reference->setToolTip(
      tr("Reference features (the training data): a CSV file with a header row of feature "
         "names and one row per sample"));
  m_liveLabel->setText(tr("Live:"));
  m_live->setPlaceholderText(tr("CSV with the same columns: what the devices saw"));
  m_live->setToolTip(tr("Live features, matched to the reference's columns by name"));
  for (QPushButton* b : {m_referenceBrowse, m_liveBrowse}) b->setText(tr("Browse..."));
  m_alphaLabel->setText(tr("\u03b1:"));
  m_alpha->setToolTip(
      tr("False discovery rate of the per-feature drift decision "
         "(Benjamini-Hochberg) and level of the multivariate MMD test"));
  m_windowLabel->setText(tr("Window rows:"));
  m_window->setSpecialValueText(tr("auto"));
  m_window->setToolTip(
      tr("Rows per live window of the timeline; auto: a tenth of the live "
         "file, at least 50"));
  m_job->runButton()->setText(tr("Analyze drift"));
  m_job->runButton()->setToolTip(tr("Compare the live file with the reference (Ctrl+Return)"));
  updateSummary();
  if (m_analysis) {
    AuditPlots::featureHistogram(m_histogram, *m_analysis, m_feature);
    AuditPlots::driftTimeline(m_timeline, *m_analysis, m_feature);
  } else {
    AuditPlots::reset(m_histogram);
    AuditPlots::setTitle(m_histogram, tr("Reference vs live histogram of the selected feature"));
    AuditPlots::reset(m_timeline);
    AuditPlots::setTitle(m_timeline, tr("Drift score over consecutive live windows"));
    m_histogram->replot(QCustomPlot::rpQueuedReplot);
    m_timeline->replot(QCustomPlot::rpQueuedReplot);
  }
}

void DriftView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void DriftView::browse(QLineEdit* edit) {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open features"), edit->text(),
                                                    tr("CSV files (*.csv);;All files (*)"));
  if (!path.isEmpty()) edit->setText(path);
}

void DriftView::setPaths(const QString& reference, const QString& live) {
  m_reference->setText(reference);
  m_live->setText(live);
}

bool DriftView::isRunning() const {
  return m_job->isRunning();
}

QString DriftView::statusText() const {
  return m_job->status();
}

void DriftView::cancel() {
  m_job->cancel();
}

bool DriftView::runDrift() {
  const QString reference = m_reference->text().trimmed();
  const QString live = m_live->text().trimmed();
  if (reference.isEmpty() || live.isEmpty()) {
    m_job->setStatus(tr("Choose a reference and a live CSV file first."), true);
    return false;
  }
  DriftAnalysisOptions options;
  options.drift.alpha = m_alpha->value();
  options.windowRows = static_cast<size_t>(m_window->value());
  return m_job->start<DriftAnalysis>(
      tr("Drift of %1").arg(QFileInfo(live).fileName()),
      [reference, live, options](JobContext& context, std::atomic<bool>& cancel)
          -> Result<std::pair<DriftAnalysis, QString>> {
        const auto forward = JobStrip::forward(context, cancel);
        auto analysis = analyzeDrift(
            reference, live, options, [&](double f) { forward(f, {}); }, &cancel);
        if (!analysis.ok()) return analysis.error();
        const audit::DriftReport& r = analysis->report;
        const int drifted =
            static_cast<int>(std::count_if(r.features.begin(), r.features.end(),
                                           [](const audit::FeatureDrift& f) { return f.drift; }));
        QString summary =
            DriftView::tr("%1 of %n features drifted", nullptr, static_cast<int>(r.features.size()))
                .arg(drifted);
        return std::make_pair(std::move(analysis.value()), std::move(summary));
      },
      [this](DriftAnalysis analysis) { show(std::move(analysis)); },
      tr("Drift analysis cancelled."), tr("Drift analysis failed: %1"));
}

void DriftView::show(DriftAnalysis analysis) {
  m_analysis = std::move(analysis);
  m_model->setFeatures(m_analysis->report.features);
  m_table->sortByColumn(DriftTableModel::PColumn, Qt::AscendingOrder);
  updateSummary();
  // The most significant feature first: the top row after sorting by p.
  if (m_proxy->rowCount() > 0) {
    m_table->selectRow(0);
    selectFeature(m_proxy->index(0, 0).data(DriftTableModel::IndexRole).toInt());
  } else {
    selectFeature(-1);
  }
}

void DriftView::selectFeature(int feature) {
  m_feature = feature;
  if (!m_analysis) return;
  AuditPlots::featureHistogram(m_histogram, *m_analysis, feature);
  AuditPlots::driftTimeline(m_timeline, *m_analysis, feature);
}

void DriftView::updateSummary() {
  if (!m_analysis) {
    m_summary->setText(
        tr("Compare a live window of features with the reference the model was "
           "trained on. Both files need a header row of feature names."));
    m_summary->setStyleSheet(QString());
    return;
  }
  const audit::DriftReport& r = m_analysis->report;
  const QStringList flagged = flaggedFeatures();
  QString text = flagged.isEmpty() ? tr("No feature drifted (%1 reference rows, %2 live rows).")
                                         .arg(r.referenceRows)
                                         .arg(r.liveRows)
                                   : tr("Drift in %1 (%2 reference rows, %3 live rows).")
                                         .arg(flagged.join(QStringLiteral(", ")))
                                         .arg(r.referenceRows)
                                         .arg(r.liveRows);
  if (r.multivariate)
    text += QLatin1Char(' ') + tr("Multivariate MMD\u00b2 %1, permutation p %2: %3.")
                                   .arg(r.multivariate->mmd2, 0, 'g', 3)
                                   .arg(r.multivariate->pValue, 0, 'g', 3)
                                   .arg(r.multivariate->drift ? tr("drift") : tr("no drift"));
  m_summary->setText(text);
  m_summary->setStyleSheet(r.drift ? QStringLiteral("QLabel { color: #8b1a1a; font-weight: bold; }")
                                   : QString());
}

QStringList DriftView::flaggedFeatures() const {
  QStringList out;
  for (int row = 0; row < m_proxy->rowCount(); ++row) {
    const QModelIndex i = m_proxy->index(row, DriftTableModel::DriftColumn);
    if (i.data(DriftTableModel::SortRole).toInt() == 1)
      out << m_proxy->index(row, DriftTableModel::FeatureColumn).data().toString();
  }
  return out;
}

}  // namespace edgewise::gui
