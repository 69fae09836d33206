#include "app/workbench/panes/labeling/review_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QPointer>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace edgewise::gui {

std::vector<AnnotatorActivity> annotatorActivity(
    const std::vector<labeling::SegmentLabel>& segments,
    const std::vector<labeling::ItemLabel>& items, double capSeconds) {
  std::map<int64_t, std::vector<int64_t>> times;
  std::map<int64_t, int64_t> counts;
  auto add = [&](int64_t annotator, int64_t created, int64_t updated) {
    ++counts[annotator];
    times[annotator].push_back(created);
    if (updated != created) times[annotator].push_back(updated);
  };
  for (const labeling::SegmentLabel& s : segments) add(s.annotatorId, s.createdUs, s.updatedUs);
  for (const labeling::ItemLabel& i : items) add(i.annotatorId, i.createdUs, i.updatedUs);
  const int64_t capUs = static_cast<int64_t>(capSeconds * 1e6);
  std::vector<AnnotatorActivity> out;
  for (auto& [annotator, t] : times) {
    std::sort(t.begin(), t.end());
    int64_t activeUs = 0;
    for (size_t i = 1; i < t.size(); ++i) activeUs += std::min(t[i] - t[i - 1], capUs);
    AnnotatorActivity a;
    a.annotatorId = annotator;
    a.labels = counts[annotator];
    a.activeSeconds = activeUs / 1e6;
    a.labelsPerHour = a.activeSeconds > 0 ? a.labels / (a.activeSeconds / 3600.0) : 0;
    out.push_back(a);
  }
  return out;
}

namespace {

Q_LOGGING_CATEGORY(lcReview, "edgewise.gui.labeling.review")

// An adjudication on the pane's undo stack: undo removes it, redo restores the same row.
class AdjudicationCommand : public QUndoCommand {
 public:
  AdjudicationCommand(ReviewView* view, labeling::LabelRepository* repo, labeling::Adjudication row,
                      const QString& text)
      : QUndoCommand(text), m_view(view), m_repo(repo), m_row(std::move(row)) {}
  void undo() override { finish(m_repo->removeAdjudication(m_row.id)); }
  void redo() override {
    if (m_first) {  // push() calls redo: the row is already written
      m_first = false;
      return;
    }
    finish(m_repo->restoreAdjudication(m_row));
  }

 private:
  void finish(const Result<void>& r) {
    if (!r.ok())
      qCWarning(lcReview) << "adjudication undo/redo failed:"
                          << QString::fromStdString(r.error().toString());
    if (m_view) m_view->refresh();
  }
  QPointer<ReviewView> m_view;
  labeling::LabelRepository* m_repo;
  labeling::Adjudication m_row;
  bool m_first = true;
};

QTableWidget* makeTable(QWidget* parent, const QString& name) {
  auto* t = new QTableWidget(parent);
  t->setObjectName(name);
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->setSelectionMode(QAbstractItemView::NoSelection);
  t->verticalHeader()->setVisible(false);
  t->horizontalHeader()->setStretchLastSection(true);
  t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
  return t;
}

// A summary table as high as its rows (at least one), so the left column does not fill with
// empty table space; a name column that takes the width, numbers sized to their contents.
void fitTable(QTableWidget* t, bool stretchFirst) {
  QHeaderView* h = t->horizontalHeader();
  h->setStretchLastSection(false);
  for (int c = 0; c < t->columnCount(); ++c)
    h->setSectionResizeMode(
        c, c == 0 && stretchFirst ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
  const int rows = std::max(1, t->rowCount());
  t->setFixedHeight(h->sizeHint().height() + rows * t->verticalHeader()->defaultSectionSize() +
                    2 * t->frameWidth() + 2);
  t->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

QTableWidgetItem* number(double v, int decimals = 3) {
  auto* item =
      new QTableWidgetItem(std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', decimals));
  item->setData(Qt::UserRole, v);
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

QString duration(double seconds) {
  const int s = static_cast<int>(std::lround(seconds));
  return QStringLiteral("%1:%2:%3")
      .arg(s / 3600)
      .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
      .arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

ReviewView::ReviewView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("reviewView"));
  auto* root = new QHBoxLayout(this);
  root->setContentsMargins(0, 0, 0, 0);
  auto* split = new QSplitter(Qt::Horizontal, this);
  root->addWidget(split);

  auto* left = new QWidget(split);
  auto* l = new QVBoxLayout(left);
  l->setContentsMargins(0, 0, 0, 0);
  l->setSpacing(4);
  m_activityTitle = new QLabel(left);
  m_activity = makeTable(left, QStringLiteral("activityTable"));
  m_activity->setColumnCount(4);
  m_cohenTitle = new QLabel(left);
  m_cohen = makeTable(left, QStringLiteral("cohenTable"));
  m_cohen->verticalHeader()->setVisible(true);
  m_cohen->horizontalHeader()->setStretchLastSection(false);
  m_fleiss = new QLabel(left);
  m_fleiss->setObjectName(QStringLiteral("fleissLabel"));
  m_classTitle = new QLabel(left);
  m_perClass = makeTable(left, QStringLiteral("classAgreementTable"));
  m_perClass->setColumnCount(4);
  l->addWidget(m_activityTitle);
  l->addWidget(m_activity);
  l->addWidget(m_cohenTitle);
  l->addWidget(m_cohen);
  l->addWidget(m_fleiss);
  l->addWidget(m_classTitle);
  l->addWidget(m_perClass);
  l->addStretch(1);

  auto* right = new QWidget(split);
  auto* r = new QVBoxLayout(right);
  r->setContentsMargins(0, 0, 0, 0);
  r->setSpacing(4);
  m_disagreementTitle = new QLabel(right);
  m_disagreements = makeTable(right, QStringLiteral("disagreementTable"));
  m_disagreements->setSelectionMode(QAbstractItemView::SingleSelection);
  m_disagreements->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_disagreements->installEventFilter(this);
  auto* actions = new QHBoxLayout;
  actions->setSpacing(4);
  m_acceptLayout = new QHBoxLayout;
  m_acceptLayout->setSpacing(4);
  actions->addLayout(m_acceptLayout);
  m_relabel = new QToolButton(right);
  m_relabel->setObjectName(QStringLiteral("relabelButton"));
  m_relabel->setPopupMode(QToolButton::InstantPopup);
  m_relabelMenu = new QMenu(m_relabel);
  m_relabel->setMenu(m_relabelMenu);
  actions->addWidget(m_relabel);
  actions->addStretch(1);
  m_status = new QLabel(right);
  m_status->setObjectName(QStringLiteral("reviewStatus"));
  m_status->setWordWrap(true);
  r->addWidget(m_disagreementTitle);
  r->addWidget(m_disagreements, 1);
  r->addLayout(actions);
  r->addWidget(m_status);
  split->addWidget(left);
  split->addWidget(right);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 3);

  connect(m_disagreements, &QTableWidget::itemSelectionChanged, this, [this] {
    const int row = m_disagreements->currentRow();
    if (row >= 0 && row < static_cast<int>(m_rows.size()))
      Q_EMIT showSpan(m_rows[row].startUs, m_rows[row].endUs);
    updateActions();
  });
  retranslateUi();
}

void ReviewView::setContext(labeling::LabelRepository* repo, int64_t recordingId) {
  m_repo = repo;
  m_recordingId = recordingId;
  refresh();
}

QString ReviewView::className(int64_t classId) const {
  if (classId == 0) return tr("(none)");
  for (const labeling::LabelClass& c : m_classes)
    if (c.id == classId) return QString::fromStdString(c.name);
  return tr("class %1").arg(classId);
}

QString ReviewView::annotatorName(int64_t annotatorId) const {
  for (const labeling::Annotator& a : m_annotators)
    if (a.id == annotatorId) return QString::fromStdString(a.name);
  if (m_repo) {
    auto a = m_repo->annotatorById(annotatorId);
    if (a.ok()) return QString::fromStdString(a->name);
  }
  return tr("annotator %1").arg(annotatorId);
}

void ReviewView::setError(const QString& message) {
  m_error = message;
  m_status->setStyleSheet(message.isEmpty() ? QString()
                                            : QStringLiteral("QLabel { color: #c62828; }"));
  updateActions();
}

void ReviewView::refresh() {
  const int keepRow = m_disagreements->currentRow();
  m_annotators.clear();
  m_classes.clear();
  m_report.reset();
  m_rows.clear();
  m_error.clear();
  if (m_repo && m_recordingId >= 0) {
    auto classes = m_repo->classes();
    if (classes.ok()) m_classes = *classes;
    auto grid = labeling::frameGrid(*m_repo, m_recordingId);
    if (grid.ok()) {
      for (int64_t id : grid->annotatorIds) {
        auto a = m_repo->annotatorById(id);
        m_annotators.push_back(a.ok() ? *a : labeling::Annotator{id, std::to_string(id), 0});
      }
    }
    if (m_annotators.size() >= 2) {
      auto report = labeling::recordingAgreement(*m_repo, m_recordingId);
      if (report.ok())
        m_report = std::move(report.value());
      else
        m_error = QString::fromStdString(report.error().toString());
      auto rows = labeling::recordingDisagreements(*m_repo, m_recordingId);
      if (rows.ok())
        m_rows = std::move(rows.value());
      else
        m_error = QString::fromStdString(rows.error().toString());
    }
  }
  rebuildTables();
  // Keep the selection across a refresh, without moving the timeline again.
  if (!m_rows.empty() && keepRow >= 0) {
    const QSignalBlocker block(m_disagreements);
    m_disagreements->selectRow(std::clamp(keepRow, 0, static_cast<int>(m_rows.size()) - 1));
  }
  setError(m_error);
}

void ReviewView::rebuildTables() {
  const int n = static_cast<int>(m_annotators.size());
  // Activity: every annotator of this recording, counted over the whole project.
  m_activity->setRowCount(0);
  if (m_repo) {
    auto segs = m_repo->allSegments();
    auto items = m_repo->allItemLabels();
    if (segs.ok() && items.ok()) {
      const auto activity = annotatorActivity(*segs, *items);
      m_activity->setRowCount(n);
      for (int i = 0; i < n; ++i) {
        AnnotatorActivity a;
        for (const AnnotatorActivity& x : activity)
          if (x.annotatorId == m_annotators[i].id) a = x;
        m_activity->setItem(i, 0, new QTableWidgetItem(annotatorName(m_annotators[i].id)));
        auto* labels = number(static_cast<double>(a.labels), 0);
        m_activity->setItem(i, 1, labels);
        auto* time = new QTableWidgetItem(duration(a.activeSeconds));
        time->setData(Qt::UserRole, a.activeSeconds);
        time->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_activity->setItem(i, 2, time);
        m_activity->setItem(i, 3, number(a.labelsPerHour, 1));
      }
    }
  }
  fitTable(m_activity, true);

  m_cohen->clear();
  m_cohen->setRowCount(n);
  m_cohen->setColumnCount(n);
  QStringList names;
  for (const labeling::Annotator& a : m_annotators) names << QString::fromStdString(a.name);
  m_cohen->setHorizontalHeaderLabels(names);
  m_cohen->setVerticalHeaderLabels(names);
  for (int i = 0; i < n; ++i) {
    auto* self = new QTableWidgetItem(QStringLiteral("–"));
    self->setTextAlignment(Qt::AlignCenter);
    self->setForeground(palette().color(QPalette::PlaceholderText));
    m_cohen->setItem(i, i, self);
  }
  if (m_report) {
    auto indexOf = [this](int64_t id) {
      for (size_t i = 0; i < m_annotators.size(); ++i)
        if (m_annotators[i].id == id) return static_cast<int>(i);
      return -1;
    };
    for (const labeling::PairAgreement& p : m_report->pairs) {
      const int a = indexOf(p.annotatorA), b = indexOf(p.annotatorB);
      if (a < 0 || b < 0) continue;
      for (auto [row, col] : {std::pair{a, b}, std::pair{b, a}}) {
        QTableWidgetItem* item = number(p.cohen.kappa);
        item->setToolTip(tr("Cohen's kappa %1: observed %2, expected %3 over %n frame(s)", nullptr,
                            static_cast<int>(p.cohen.n))
                             .arg(p.cohen.kappa, 0, 'f', 3)
                             .arg(p.cohen.observed, 0, 'f', 3)
                             .arg(p.cohen.expected, 0, 'f', 3));
        m_cohen->setItem(row, col, item);
      }
    }
  }
  fitTable(m_cohen, false);

  if (m_report && m_report->fleiss) {
    m_fleiss->setText(tr("Fleiss' kappa (all annotators): %1 over %n frame(s)", nullptr,
                         static_cast<int>(m_report->fleiss->items))
                          .arg(m_report->fleiss->kappa, 0, 'f', 3));
    m_fleiss->setProperty("kappa", m_report->fleiss->kappa);
  } else {
    m_fleiss->setText(n < 2 ? tr("Agreement needs labels of two or more annotators on this "
                                 "recording.")
                            : tr("Fleiss' kappa: no frame labeled by every annotator."));
    m_fleiss->setProperty("kappa", QVariant());
  }

  m_perClass->setRowCount(0);
  if (m_report) {
    m_perClass->setRowCount(static_cast<int>(m_report->perClass.size()));
    for (int i = 0; i < static_cast<int>(m_report->perClass.size()); ++i) {
      const labeling::ClassAgreement& c = m_report->perClass[i];
      m_perClass->setItem(i, 0, new QTableWidgetItem(className(c.classId)));
      m_perClass->setItem(i, 1, number(c.fleissKappa));
      m_perClass->setItem(i, 2, number(c.specificAgreement));
      m_perClass->setItem(i, 3, number(c.proportion));
    }
  }
  fitTable(m_perClass, true);

  const QSignalBlocker block(m_disagreements);
  m_disagreements->clear();
  m_disagreements->setColumnCount(n + 3);
  QStringList headers{tr("Start (s)"), tr("End (s)")};
  headers << names << tr("Resolution");
  m_disagreements->setHorizontalHeaderLabels(headers);
  m_disagreements->setRowCount(static_cast<int>(m_rows.size()));
  const QColor resolved(46, 125, 50);
  for (int row = 0; row < static_cast<int>(m_rows.size()); ++row) {
    const labeling::Disagreement& d = m_rows[row];
    m_disagreements->setItem(row, 0, number((d.startUs - m_originUs) / 1e6, 2));
    m_disagreements->setItem(row, 1, number((d.endUs - m_originUs) / 1e6, 2));
    for (int a = 0; a < n; ++a) {
      int64_t classId = 0;
      for (const labeling::AnnotatorLabel& l : d.labels)
        if (l.annotatorId == m_annotators[a].id) classId = l.classId;
      auto* item = new QTableWidgetItem(className(classId));
      if (classId == 0) item->setForeground(palette().color(QPalette::PlaceholderText));
      m_disagreements->setItem(row, 2 + a, item);
    }
    auto* res = new QTableWidgetItem(d.adjudicatedClassId
                                         ? tr("resolved: %1").arg(className(*d.adjudicatedClassId))
                                         : tr("open"));
    res->setData(Qt::UserRole, d.adjudicatedClassId.has_value());
    if (d.adjudicatedClassId) {
      res->setForeground(resolved);
      for (int c = 0; c < n + 2; ++c)
        m_disagreements->item(row, c)->setForeground(palette().color(QPalette::PlaceholderText));
    }
    m_disagreements->setItem(row, n + 2, res);
  }
  // Column widths from the contents, then the resolution column takes the rest; the header
  // keeps a section's old mode when the column count changes, and toggling the last-section
  // stretch makes it take the rest again.
  QHeaderView* header = m_disagreements->horizontalHeader();
  for (int c = 0; c < n + 3; ++c) header->setSectionResizeMode(c, QHeaderView::Interactive);
  m_disagreements->resizeColumnsToContents();
  header->setStretchLastSection(false);
  header->setStretchLastSection(true);

  // One accept button per annotator (keys 1-9 for the first nine).
  // Out of the layout at once (a clicked button may be running this, so delete it later):
  // several refreshes before the event loop runs must not pile up buttons and widen the pane.
  for (QToolButton* b : m_accept) {
    m_acceptLayout->removeWidget(b);
    b->hide();
    b->deleteLater();
  }
  m_accept.clear();
  for (int a = 0; a < n; ++a) {
    auto* b = new QToolButton(this);
    b->setObjectName(QStringLiteral("acceptButton_%1").arg(a));
    b->setText(a < 9 ? tr("%1: Accept %2's label").arg(a + 1).arg(names[a])
                     : tr("Accept %1's label").arg(names[a]));
    connect(b, &QToolButton::clicked, this, [this, a] { acceptAnnotator(a); });
    m_acceptLayout->addWidget(b);
    m_accept.push_back(b);
  }
  m_relabelMenu->clear();
  for (const labeling::LabelClass& c : m_classes) {
    QAction* act = m_relabelMenu->addAction(QString::fromStdString(c.name));
    connect(act, &QAction::triggered, this, [this, id = c.id] { relabel(id); });
  }
  int open = 0;
  for (const labeling::Disagreement& d : m_rows)
    if (!d.adjudicatedClassId) ++open;
  m_disagreementTitle->setText(tr("Disagreements: %n open", nullptr, open) + QStringLiteral(", ") +
                               tr("%n resolved", nullptr, static_cast<int>(m_rows.size()) - open));
}

void ReviewView::updateActions() {
  const int row = m_disagreements->currentRow();
  const bool has = row >= 0 && row < static_cast<int>(m_rows.size());
  for (QToolButton* b : m_accept) b->setEnabled(has);
  m_relabel->setEnabled(has && !m_classes.empty());
  if (!m_error.isEmpty()) {
    m_status->setText(m_error);
  } else if (m_rows.empty()) {
    m_status->setText(m_annotators.size() < 2 ? QString() : tr("The annotators agree everywhere."));
  } else {
    m_status->setText(
        tr("Up/Down: next disagreement; 1-9: accept that annotator's label; the "
           "adjudicated label is what datasets use."));
  }
}

std::optional<int64_t> ReviewView::adjudicatorId() {
  if (m_adjudicator.isEmpty()) {
    setError(tr("Enter your name in the Annotator field to adjudicate."));
    return std::nullopt;
  }
  auto a = m_repo->ensureAnnotator(m_adjudicator.toStdString());
  if (!a.ok()) {
    setError(QString::fromStdString(a.error().toString()));
    return std::nullopt;
  }
  return a->id;
}

bool ReviewView::adjudicate(const std::function<Result<labeling::Adjudication>(
                                int64_t adjudicator, const labeling::Disagreement&)>& write) {
  const int row = m_disagreements->currentRow();
  if (!m_repo || row < 0 || row >= static_cast<int>(m_rows.size())) return false;
  const auto who = adjudicatorId();
  if (!who) return false;
  auto r = write(*who, m_rows[row]);
  if (!r.ok()) {
    setError(tr("Not saved: %1").arg(QString::fromStdString(r.error().toString())));
    return false;
  }
  if (m_undo)
    m_undo->push(
        new AdjudicationCommand(this, m_repo, *r,
                                tr("Adjudicate %1-%2 s as %3")
                                    .arg((m_rows[row].startUs - m_originUs) / 1e6, 0, 'f', 2)
                                    .arg((m_rows[row].endUs - m_originUs) / 1e6, 0, 'f', 2)
                                    .arg(className(r->classId))));
  refresh();
  Q_EMIT adjudicated();
  return true;
}

bool ReviewView::acceptAnnotator(int n) {
  const int row = m_disagreements->currentRow();
  if (row < 0 || row >= static_cast<int>(m_rows.size()) || n < 0 ||
      n >= static_cast<int>(m_annotators.size()))
    return false;
  int64_t classId = 0;
  for (const labeling::AnnotatorLabel& l : m_rows[row].labels)
    if (l.annotatorId == m_annotators[n].id) classId = l.classId;
  if (classId == 0) {
    setError(tr("%1 left this span unlabeled: use Relabel as… instead.")
                 .arg(QString::fromStdString(m_annotators[n].name)));
    return false;
  }
  const int64_t annotator = m_annotators[n].id;
  return adjudicate([&](int64_t who, const labeling::Disagreement& d) {
    return m_repo->acceptRangeLabel(m_recordingId, d.startUs, d.endUs, annotator, who);
  });
}

bool ReviewView::relabel(int64_t classId) {
  return adjudicate([&](int64_t who, const labeling::Disagreement& d) {
    return m_repo->adjudicateRange(m_recordingId, d.startUs, d.endUs, classId, who);
  });
}

bool ReviewView::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_disagreements && event->type() == QEvent::KeyPress) {
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->key() >= Qt::Key_1 && key->key() <= Qt::Key_9 &&
        !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
      acceptAnnotator(key->key() - Qt::Key_1);
      return true;
    }
  }
  return QWidget::eventFilter(watched, event);
}

void ReviewView::retranslateUi() {
  m_activityTitle->setText(tr("Annotators: labels, active time, labels per hour"));
  m_activity->setHorizontalHeaderLabels(
      {tr("Annotator"), tr("Labels"), tr("Active time"), tr("Labels/hour")});
  m_activity->horizontalHeaderItem(2)->setToolTip(
      tr("Sum of the gaps between consecutive label edits, each capped at 5 minutes"));
  m_cohenTitle->setText(tr("Cohen's kappa per annotator pair"));
  m_classTitle->setText(tr("Per-class agreement"));
  m_perClass->setHorizontalHeaderLabels(
      {tr("Class"), tr("Fleiss' kappa"), tr("Specific agreement"), tr("Share")});
  m_relabel->setText(tr("Relabel as…"));
  m_relabel->setToolTip(tr("Adjudicate the selected span as another class"));
  m_disagreements->setToolTip(
      tr("Select a disagreement to show it on the timeline; keys 1-9 accept that annotator's "
         "label"));
  rebuildTables();
  updateActions();
}

void ReviewView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

}  // namespace edgewise::gui
