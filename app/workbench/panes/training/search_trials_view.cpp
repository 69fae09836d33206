#include "app/workbench/panes/training/search_trials_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "app/workbench/widgets/qcustomplot_include.h"

namespace edgewise::gui {

namespace {

enum Column { TrialColumn, ParamsColumn, AccuracyColumn, SecondsColumn, ResourceColumn, Columns };

QTableWidgetItem* numberItem(const QString& text) {
  auto* item = new QTableWidgetItem(text);
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

}  // namespace

SearchTrialsView::SearchTrialsView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("searchTrialsView"));
  m_summary = new QLabel(this);
  m_summary->setObjectName(QStringLiteral("searchSummary"));
  m_summary->setWordWrap(true);
  m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

  m_table = new QTableWidget(0, Columns, this);
  m_table->setObjectName(QStringLiteral("searchTrialsTable"));
  m_table->verticalHeader()->hide();
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setWordWrap(false);
  m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setSectionResizeMode(ParamsColumn, QHeaderView::Stretch);

  m_plot = new QCustomPlot(this);
  m_plot->setObjectName(QStringLiteral("searchTrialsPlot"));
  m_plot->setMinimumWidth(220);
  m_plot->setMinimumHeight(150);
  QCPGraph* all = m_plot->addGraph();  // 0: every trial
  all->setLineStyle(QCPGraph::lsNone);
  all->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(31, 119, 180), 6));
  QCPGraph* best = m_plot->addGraph();  // 1: the best trial
  best->setLineStyle(QCPGraph::lsNone);
  best->setScatterStyle(
      QCPScatterStyle(QCPScatterStyle::ssStar, QPen(QColor(214, 39, 40), 2), Qt::NoBrush, 14));
  m_plot->yAxis->setRange(0, 1.02);
  m_plot->xAxis->setRange(0.5, 5.5);
  // Trial numbers are integers.
  auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
  ticker->setTickStep(1.0);
  ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
  m_plot->xAxis->setTicker(ticker);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(m_table);
  split->addWidget(m_plot);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  split->setChildrenCollapsible(false);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_summary);
  layout->addWidget(split, 1);

  applyPalette();
  retranslateUi();
}

void SearchTrialsView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
    applyPalette();
    replot();
  }
  QWidget::changeEvent(event);
}

void SearchTrialsView::retranslateUi() {
  m_table->setHorizontalHeaderLabels({tr("Trial"), tr("Searched parameters"),
                                      tr("Validation accuracy"), tr("Seconds"), tr("Resource")});
  m_table->horizontalHeaderItem(ResourceColumn)
      ->setToolTip(tr("The share of the training split the trial trained on (or its epochs); "
                      "successive halving gives the best trials more"));
  m_plot->xAxis->setLabel(tr("trial"));
  m_plot->yAxis->setLabel(tr("validation accuracy"));
  if (m_rows.empty())
    m_summary->setText(tr("No search has run yet. Press Search... to start one."));
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SearchTrialsView::applyPalette() {
  const QPalette& pal = palette();
  m_plot->setBackground(pal.base());
  const QColor text = pal.color(QPalette::Text);
  for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis, m_plot->xAxis2, m_plot->yAxis2}) {
    axis->setBasePen(QPen(text));
    axis->setTickPen(QPen(text));
    axis->setSubTickPen(QPen(text));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
  }
  for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis})
    axis->grid()->setPen(QPen(pal.color(QPalette::Mid), 0, Qt::DotLine));
}

void SearchTrialsView::clear() {
  m_rows.clear();
  m_best = -1;
  m_table->setRowCount(0);
  m_summary->setText(tr("No search has run yet. Press Search... to start one."));
  replot();
}

void SearchTrialsView::setSummary(const QString& text) {
  m_summary->setText(text);
}

void SearchTrialsView::addTrial(const SearchTrialRow& row) {
  m_rows.push_back(row);
  // The best so far (highest accuracy at the largest resource reached, as the search picks).
  int best = -1;
  for (int i = 0; i < trialCount(); ++i) {
    const SearchTrialRow& r = m_rows[size_t(i)];
    if (!r.error.isEmpty()) continue;
    if (best < 0) {
      best = i;
      continue;
    }
    const SearchTrialRow& b = m_rows[size_t(best)];
    if (r.resource > b.resource || (r.resource == b.resource && r.valScore > b.valScore)) best = i;
  }
  const int previous = m_best;
  m_best = best;
  m_table->setRowCount(trialCount());
  fillRow(trialCount() - 1);
  if (previous >= 0 && previous != m_best) fillRow(previous);
  if (m_best >= 0) fillRow(m_best);
  m_table->scrollToBottom();
  replot();
}

void SearchTrialsView::setTrials(const std::vector<SearchTrialRow>& rows, int best) {
  m_rows = rows;
  m_best = best >= 0 && best < trialCount() ? best : -1;
  m_table->setRowCount(trialCount());
  for (int i = 0; i < trialCount(); ++i) fillRow(i);
  if (m_best >= 0) {
    m_table->selectRow(m_best);
    m_table->scrollToItem(m_table->item(m_best, 0));
  }
  replot();
}

void SearchTrialsView::fillRow(int row) {
  const SearchTrialRow& r = m_rows[size_t(row)];
  const QLocale locale;
  m_table->setItem(row, TrialColumn, numberItem(QString::number(row + 1)));
  auto* params = new QTableWidgetItem(
      r.error.isEmpty() ? r.params : r.params + QStringLiteral(" \u2014 ") + r.error);
  params->setToolTip(r.error.isEmpty() ? r.params : r.error);
  m_table->setItem(row, ParamsColumn, params);
  m_table->setItem(
      row, AccuracyColumn,
      numberItem(r.error.isEmpty() ? locale.toString(r.valScore, 'f', 3) : tr("failed")));
  m_table->setItem(row, SecondsColumn, numberItem(locale.toString(r.seconds, 'f', 2)));
  QString resource = r.resource <= 1.0
                         ? locale.toString(r.resource * 100, 'f', 0) + QStringLiteral(" %")
                         : tr("%1 epochs").arg(locale.toString(r.resource, 'f', 0));
  if (r.rung > 0) resource += QStringLiteral(" (") + tr("rung %1").arg(r.rung) + QLatin1Char(')');
  m_table->setItem(row, ResourceColumn, numberItem(resource));
  const bool best = row == m_best;
  for (int c = 0; c < Columns; ++c) {
    QTableWidgetItem* item = m_table->item(row, c);
    QFont font = item->font();
    font.setBold(best);
    item->setFont(font);
    // A pale green that reads in both themes with the palette's text colour over it.
    item->setBackground(best ? QBrush(QColor(44, 160, 44, 70)) : QBrush());
    if (best) item->setToolTip(tr("The best trial: its parameters trained the registered model"));
  }
}

void SearchTrialsView::replot() {
  QVector<double> xs, ys;
  for (int i = 0; i < trialCount(); ++i) {
    if (!m_rows[size_t(i)].error.isEmpty()) continue;
    xs << i + 1;
    ys << m_rows[size_t(i)].valScore;
  }
  m_plot->graph(0)->setData(xs, ys, true);
  QVector<double> bx, by;
  if (m_best >= 0) {
    bx << m_best + 1;
    by << m_rows[size_t(m_best)].valScore;
  }
  m_plot->graph(1)->setData(bx, by, true);
  m_plot->xAxis->setRange(0.5, std::max(5, trialCount()) + 0.5);
  double low = 1.0;
  for (double y : ys) low = std::min(low, y);
  // Close scores need room to be told apart; a failed-looking 0 keeps the full axis.
  m_plot->yAxis->setRange(ys.isEmpty() ? 0.0 : std::max(0.0, low - 0.05), 1.01);
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace edgewise::gui
