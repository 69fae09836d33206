#include "app/workbench/panes/labeling/image_grid_view.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QImage>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPointer>
#include <QStyledItemDelegate>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <map>

#include "app/workbench/panes/labeling/dataset_classes.h"
#include "app/workbench/widgets/elided_label.h"
#include "core/dataset/data/dataset_repository.h"
#include "core/store/project.h"

namespace edgewise::gui {

namespace {

constexpr int kThumb = 56;  // thumbnail side in pixels
constexpr int kBadge = 16;  // badge height under it

// Several samples' labels as one undo step: the store edits, then the badges from the store.
class GridAssignCommand : public QUndoCommand {
 public:
  GridAssignCommand(ImageGridView* view, labeling::LabelRepository* repo,
                    std::vector<labeling::ItemEdit> edits, std::vector<int64_t> samples,
                    const QString& text)
      : QUndoCommand(text),
        m_view(view),
        m_repo(repo),
        m_edits(std::move(edits)),
        m_samples(std::move(samples)) {}
  void undo() override {
    if (!m_view) return;
    for (auto it = m_edits.rbegin(); it != m_edits.rend(); ++it) (void)m_repo->revert(*it);
    m_view->refreshLabels(m_samples);
  }
  void redo() override {
    if (m_first) {
      m_first = false;  // assignClass has written them already
      return;
    }
    if (!m_view) return;
    for (const labeling::ItemEdit& e : m_edits) (void)m_repo->reapply(e);
    m_view->refreshLabels(m_samples);
  }

 private:
  QPointer<ImageGridView> m_view;
  labeling::LabelRepository* m_repo;
  std::vector<labeling::ItemEdit> m_edits;
  std::vector<int64_t> m_samples;
  bool m_first = true;
};

// A thumbnail with the label as a colored badge under it; the selection as a frame.
class GridDelegate : public QStyledItemDelegate {
 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  QSize sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const override {
    return {kThumb + 8, kThumb + kBadge + 10};
  }
  void paint(QPainter* p, const QStyleOptionViewItem& option,
             const QModelIndex& index) const override {
    p->save();
    const QRect r = option.rect.adjusted(2, 2, -2, -2);
    const bool selected = option.state & QStyle::State_Selected;
    if (selected) {
      p->setPen(Qt::NoPen);
      p->setBrush(option.palette.color(QPalette::Highlight).lighter(150));
      p->drawRoundedRect(r, 4, 4);
    }
    const QPixmap thumb = index.data(Qt::DecorationRole).value<QPixmap>();
    const QRect img(r.left() + (r.width() - kThumb) / 2, r.top() + 2, kThumb, kThumb);
    if (!thumb.isNull()) p->drawPixmap(img, thumb);
    const QString name = index.data(SampleGridModel::ClassNameRole).toString();
    const QRect badge(r.left() + 2, img.bottom() + 3, r.width() - 4, kBadge);
    if (!name.isEmpty()) {
      const QColor color = index.data(SampleGridModel::ClassColorRole).value<QColor>();
      p->setRenderHint(QPainter::Antialiasing);
      p->setPen(Qt::NoPen);
      p->setBrush(color);
      p->drawRoundedRect(badge, 7, 7);
      p->setPen(color.lightness() > 150 ? Qt::black : Qt::white);
      QFont f = option.font;
      f.setPointSizeF(f.pointSizeF() * 0.8);
      f.setBold(true);
      p->setFont(f);
      p->drawText(badge, Qt::AlignCenter,
                  QFontMetrics(f).elidedText(name, Qt::ElideRight, badge.width() - 4));
    } else {
      // Filled with the base color: on a selected item's highlight an unfilled dashed outline
      // vanished and the empty badge read as a blank selection-colored box.
      p->setPen(QPen(option.palette.color(QPalette::Mid), 1, Qt::DashLine));
      p->setBrush(option.palette.color(QPalette::Base));
      p->drawRoundedRect(badge.adjusted(0, 0, -1, -1), 7, 7);
    }
    if (selected) {
      p->setPen(QPen(option.palette.color(QPalette::Highlight), 2));
      p->setBrush(Qt::NoBrush);
      p->drawRoundedRect(r, 4, 4);
    }
    p->restore();
  }
};

}  // namespace

// --- SampleGridModel --------------------------------------------------------------------

void SampleGridModel::reset(std::vector<Entry> entries, int width, int height, int channels) {
  beginResetModel();
  m_entries = std::move(entries);
  m_thumbs.assign(m_entries.size(), QPixmap());
  m_made = 0;
  m_width = width;
  m_height = height;
  m_channels = std::max(1, channels);
  endResetModel();
}

void SampleGridModel::setClasses(const std::vector<labeling::LabelClass>& classes) {
  m_classes = classes;
  if (!m_entries.empty())
    Q_EMIT dataChanged(index(0), index(static_cast<int>(m_entries.size()) - 1));
}

void SampleGridModel::setClassOf(const std::vector<std::pair<int64_t, int64_t>>& sampleClass) {
  for (const auto& [sample, cls] : sampleClass) {
    const int row = rowOfSample(sample);
    if (row < 0) continue;
    m_entries[static_cast<size_t>(row)].classId = cls;
    Q_EMIT dataChanged(index(row), index(row));
  }
}

int64_t SampleGridModel::classOf(int64_t sampleId) const {
  const int row = rowOfSample(sampleId);
  return row < 0 ? 0 : m_entries[static_cast<size_t>(row)].classId;
}

int SampleGridModel::rowOfSample(int64_t sampleId) const {
  // Samples are in idx order, ids ascending: binary search.
  auto it = std::lower_bound(m_entries.begin(), m_entries.end(), sampleId,
                             [](const Entry& e, int64_t id) { return e.sampleId < id; });
  if (it == m_entries.end() || it->sampleId != sampleId) return -1;
  return static_cast<int>(it - m_entries.begin());
}

int SampleGridModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QPixmap SampleGridModel::thumbnail(int row) const {
  QPixmap& pm = m_thumbs[static_cast<size_t>(row)];
  if (!pm.isNull()) return pm;
  const Entry& e = m_entries[static_cast<size_t>(row)];
  QImage img(m_width, m_height, QImage::Format_RGB32);
  const size_t need = static_cast<size_t>(m_width) * m_height * m_channels;
  if (e.pixels.size() >= need) {
    for (int y = 0; y < m_height; ++y) {
      auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
      for (int x = 0; x < m_width; ++x) {
        const uint8_t* px = &e.pixels[(static_cast<size_t>(y) * m_width + x) * m_channels];
        line[x] = m_channels >= 3 ? qRgb(px[2], px[1], px[0]) : qRgb(px[0], px[0], px[0]);
      }
    }
  } else {
    img.fill(Qt::darkGray);
  }
  // Small images (digits are 20 x 20) scale up with sharp pixels.
  pm = QPixmap::fromImage(
      img.scaled(kThumb, kThumb, Qt::KeepAspectRatio,
                 m_width < kThumb ? Qt::FastTransformation : Qt::SmoothTransformation));
  ++m_made;
  return pm;
}

QVariant SampleGridModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= static_cast<int>(m_entries.size())) return {};
  const Entry& e = m_entries[static_cast<size_t>(index.row())];
  auto cls = [&]() -> const labeling::LabelClass* {
    for (const labeling::LabelClass& c : m_classes)
      if (c.id == e.classId) return &c;
    return nullptr;
  };
  switch (role) {
    case Qt::DecorationRole:
      return thumbnail(index.row());
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
      const labeling::LabelClass* c = cls();
      return c ? QStringLiteral("%1: %2").arg(e.sampleId).arg(QString::fromStdString(c->name))
               : QString::number(e.sampleId);
    }
    case SampleIdRole:
      return QVariant::fromValue<qint64>(e.sampleId);
    case ClassIdRole:
      return QVariant::fromValue<qint64>(e.classId);
    case ClassColorRole: {
      const labeling::LabelClass* c = cls();
      return c ? QColor(QString::fromStdString(c->color)) : QColor();
    }
    case ClassNameRole: {
      const labeling::LabelClass* c = cls();
      return c ? QString::fromStdString(c->name) : QString();
    }
    default:
      return {};
  }
}

// --- SampleFilterModel ------------------------------------------------------------------

void SampleFilterModel::setClassFilter(int64_t filter) {
  m_filter = filter;
  invalidateRowsFilter();
}

bool SampleFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
  if (m_filter < 0) return true;
  const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
  return i.data(SampleGridModel::ClassIdRole).toLongLong() == m_filter;
}

// --- ImageGridView ----------------------------------------------------------------------

ImageGridView::ImageGridView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("imageGridView"));
  auto* root = new QVBoxLayout(this);
  root->setContentsMargins(0, 0, 0, 0);
  root->setSpacing(6);
  auto* top = new QHBoxLayout;
  m_datasetLabel = new QLabel(this);
  m_dataset = new QComboBox(this);
  m_dataset->setObjectName(QStringLiteral("gridDatasetCombo"));
  m_dataset->setMinimumContentsLength(12);
  m_dataset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_filterLabel = new QLabel(this);
  m_filterCombo = new QComboBox(this);
  m_filterCombo->setObjectName(QStringLiteral("gridFilterCombo"));
  top->addWidget(m_datasetLabel);
  top->addWidget(m_dataset, 1);
  top->addWidget(m_filterLabel);
  top->addWidget(m_filterCombo);
  top->addStretch(1);
  root->addLayout(top);

  m_model = new SampleGridModel(this);
  m_filter = new SampleFilterModel(this);
  m_filter->setSourceModel(m_model);
  m_view = new QListView(this);
  m_view->setObjectName(QStringLiteral("gridView"));
  m_view->setViewMode(QListView::IconMode);
  m_view->setResizeMode(QListView::Adjust);
  m_view->setMovement(QListView::Static);
  // No per-item size query: one pass over thousands of items is fast, and the scroll bar
  // knows the full height at once (a batched layout made it grow while the user scrolled).
  m_view->setUniformItemSizes(true);
  m_view->setLayoutMode(QListView::SinglePass);
  m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);  // Shift, Ctrl, rubber band
  m_view->setSelectionRectVisible(true);
  m_view->setSpacing(2);
  m_view->setItemDelegate(new GridDelegate(m_view));
  m_view->setModel(m_filter);
  m_view->installEventFilter(this);
  root->addWidget(m_view, 1);
  m_status = new ElidedLabel(this);
  m_status->setObjectName(QStringLiteral("gridStatus"));
  m_keys = new ElidedLabel(this);
  QPalette dim = m_keys->palette();
  dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
  m_keys->setPalette(dim);
  root->addWidget(m_status);
  root->addWidget(m_keys);

  connect(m_dataset, qOverload<int>(&QComboBox::activated), this,
          [this] { showDataset(m_dataset->currentText()); });
  connect(m_filterCombo, qOverload<int>(&QComboBox::activated), this,
          [this] { setClassFilter(m_filterCombo->currentData().toLongLong()); });
  connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &ImageGridView::updateStatus);
  retranslateUi();
}

ImageGridView::~ImageGridView() = default;

void ImageGridView::retranslateUi() {
  m_datasetLabel->setText(tr("Image dataset:"));
  m_filterLabel->setText(tr("Show:"));
  m_keys->setText(
      tr("Click, Shift/Ctrl-click or drag to select · 1-9: assign the class to the "
         "selection · Ctrl+A: select all shown · Ctrl+Z: undo"));
  rebuildFilterCombo();
  updateStatus();
}

void ImageGridView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void ImageGridView::setContext(store::Project* project, labeling::LabelRepository* repo,
                               int64_t annotatorId) {
  const bool sameStore = project == m_project && repo == m_repo;
  if (!sameStore && m_undo) m_undo->clear();  // grid commands point at the old store
  const bool changed = !sameStore || annotatorId != m_annotatorId;
  m_project = project;
  m_repo = repo;
  m_annotatorId = annotatorId;
  if (!changed) return;
  const QString current = m_dataset->currentText();
  refreshDatasets();
  if (!sameStore || !showDataset(current)) {
    m_datasetId = 0;
    m_model->reset({}, 0, 0, 1);
    if (m_dataset->count() > 0) showDataset(m_dataset->itemText(0));
  }
  updateStatus();
}

void ImageGridView::refreshDatasets() {
  const QString current = m_dataset->currentText();
  m_dataset->clear();
  if (!m_project) return;
  dataset::DatasetRepository repo(*m_project);
  auto list = repo.list();
  if (!list.ok()) return;
  for (const dataset::DatasetInfo& d : *list)
    if (d.kind == dataset::DatasetKind::Image)
      m_dataset->addItem(QString::fromStdString(d.name), QVariant::fromValue<qint64>(d.id));
  const int i = m_dataset->findText(current);
  if (i >= 0) m_dataset->setCurrentIndex(i);
}

bool ImageGridView::showDataset(const QString& name) {
  if (!m_project || name.isEmpty()) return false;
  const int i = m_dataset->findText(name);
  if (i < 0) return false;
  m_dataset->setCurrentIndex(i);
  dataset::DatasetRepository repo(*m_project);
  auto info = repo.findByName(name.toStdString());
  if (!info.ok() || info->kind != dataset::DatasetKind::Image) return false;
  auto samples = repo.samples(info->id);
  if (!samples.ok()) {
    m_error = QString::fromStdString(samples.error().toString());
    updateStatus();
    return false;
  }
  if (m_repo) {
    auto classes = ensureDatasetClasses(*m_repo, info->classNames);
    if (classes.ok() && classes->created) Q_EMIT classesChanged();
  }
  std::map<int64_t, int64_t> labelOf;
  if (m_repo && m_annotatorId > 0) {
    auto labels = m_repo->itemLabels(info->id, m_annotatorId);
    if (labels.ok())
      for (const labeling::ItemLabel& l : *labels) labelOf[l.sampleId] = l.classId;
  }
  std::vector<SampleGridModel::Entry> entries;
  entries.reserve(samples->size());
  for (dataset::StoredSample& s : *samples) {
    SampleGridModel::Entry e;
    e.sampleId = s.id;
    e.pixels = std::move(s.blob);
    auto it = labelOf.find(s.id);
    if (it != labelOf.end()) e.classId = it->second;
    entries.push_back(std::move(e));
  }
  std::sort(entries.begin(), entries.end(),
            [](const SampleGridModel::Entry& a, const SampleGridModel::Entry& b) {
              return a.sampleId < b.sampleId;
            });
  m_datasetId = info->id;
  m_model->reset(std::move(entries), info->imageWidth, info->imageHeight, info->imageChannels);
  reloadClasses();
  m_error.clear();
  updateStatus();
  return true;
}

void ImageGridView::reloadClasses() {
  m_classes.clear();
  if (m_repo) {
    auto classes = m_repo->classes();
    if (classes.ok()) m_classes = *classes;
  }
  m_model->setClasses(m_classes);
  rebuildFilterCombo();
}

void ImageGridView::rebuildFilterCombo() {
  const qint64 current = m_filterCombo->currentData().isValid()
                             ? m_filterCombo->currentData().toLongLong()
                             : m_filter->classFilter();
  m_filterCombo->clear();
  m_filterCombo->addItem(tr("All samples"), QVariant::fromValue<qint64>(-1));
  m_filterCombo->addItem(tr("Unlabeled"), QVariant::fromValue<qint64>(0));
  for (const labeling::LabelClass& c : m_classes) {
    QPixmap sw(12, 12);
    sw.fill(QColor(QString::fromStdString(c.color)));
    m_filterCombo->addItem(QIcon(sw), QString::fromStdString(c.name),
                           QVariant::fromValue<qint64>(c.id));
  }
  const int i = m_filterCombo->findData(QVariant::fromValue<qint64>(current));
  m_filterCombo->setCurrentIndex(std::max(0, i));
}

void ImageGridView::setClassFilter(int64_t filter) {
  m_filter->setClassFilter(filter);
  const int i = m_filterCombo->findData(QVariant::fromValue<qint64>(filter));
  if (i >= 0) m_filterCombo->setCurrentIndex(i);
  updateStatus();
}

void ImageGridView::selectSamples(const std::vector<int64_t>& sampleIds) {
  QItemSelection selection;
  for (int64_t id : sampleIds) {
    const int row = m_model->rowOfSample(id);
    if (row < 0) continue;
    const QModelIndex i = m_filter->mapFromSource(m_model->index(row));
    if (i.isValid()) selection.select(i, i);
  }
  m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

std::vector<int64_t> ImageGridView::selectedSamples() const {
  std::vector<int64_t> out;
  for (const QModelIndex& i : m_view->selectionModel()->selectedIndexes())
    out.push_back(i.data(SampleGridModel::SampleIdRole).toLongLong());
  std::sort(out.begin(), out.end());
  return out;
}

bool ImageGridView::assignClass(int64_t classId) {
  const std::vector<int64_t> samples = selectedSamples();
  if (samples.empty() || !m_repo) return false;
  if (m_annotatorId <= 0) {
    m_error = tr("Enter your name as annotator first");
    updateStatus();
    return false;
  }
  std::vector<labeling::ItemEdit> edits;
  for (int64_t s : samples) {
    auto e = m_repo->setItemLabel(s, classId, m_annotatorId);
    if (!e.ok()) {
      // Take back what this step wrote: all or nothing.
      for (auto it = edits.rbegin(); it != edits.rend(); ++it) (void)m_repo->revert(*it);
      m_error = QString::fromStdString(e.error().toString());
      refreshLabels(samples);
      return false;
    }
    edits.push_back(std::move(*e));
  }
  QString name;
  for (const labeling::LabelClass& c : m_classes)
    if (c.id == classId) name = QString::fromStdString(c.name);
  std::vector<std::pair<int64_t, int64_t>> changed;
  for (int64_t s : samples) changed.emplace_back(s, classId);
  m_model->setClassOf(changed);
  m_error.clear();
  if (m_undo)
    m_undo->push(new GridAssignCommand(
        this, m_repo, std::move(edits), samples,
        tr("Label %n sample(s) as %1", nullptr, static_cast<int>(samples.size())).arg(name)));
  updateStatus();
  Q_EMIT labelsChanged();
  return true;
}

bool ImageGridView::assignKey(int key) {
  for (const labeling::LabelClass& c : m_classes)
    if (c.shortcut == key) return assignClass(c.id);
  m_error = tr("No class has key %1").arg(key);
  updateStatus();
  return false;
}

void ImageGridView::refreshLabels(const std::vector<int64_t>& sampleIds) {
  if (!m_repo || m_datasetId == 0) return;
  std::map<int64_t, int64_t> labelOf;
  auto labels = m_repo->itemLabels(m_datasetId, m_annotatorId);
  if (labels.ok())
    for (const labeling::ItemLabel& l : *labels) labelOf[l.sampleId] = l.classId;
  std::vector<std::pair<int64_t, int64_t>> changed;
  for (int64_t s : sampleIds) {
    auto it = labelOf.find(s);
    changed.emplace_back(s, it == labelOf.end() ? 0 : it->second);
  }
  m_model->setClassOf(changed);
  updateStatus();
  Q_EMIT labelsChanged();
}

void ImageGridView::updateStatus() {
  if (!m_status) return;
  if (!m_error.isEmpty()) {
    m_status->setText(m_error);
    return;
  }
  if (m_datasetId == 0) {
    m_status->setText(m_dataset->count() == 0 ? tr("No image dataset in this project (File > "
                                                   "Import dataset)")
                                              : tr("Pick an image dataset"));
    return;
  }
  int labeled = 0;
  for (int r = 0; r < m_model->rowCount(); ++r)
    labeled += m_model->index(r).data(SampleGridModel::ClassIdRole).toLongLong() != 0;
  m_status->setText(tr("%1 samples · %2 labeled · %3 shown · %4 selected")
                        .arg(m_model->rowCount())
                        .arg(labeled)
                        .arg(m_filter->rowCount())
                        .arg(m_view->selectionModel()->selectedIndexes().size()));
}

bool ImageGridView::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_view && event->type() == QEvent::KeyPress) {
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->key() >= Qt::Key_1 && key->key() <= Qt::Key_9 &&
        !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
      assignKey(key->key() - Qt::Key_0);
      return true;
    }
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace edgewise::gui
