#include "app/workbench/panes/labeling/labeling_pane.h"

#include <algorithm>

#include <QAbstractButton>
#include <QButtonGroup>
#include <QColorDialog>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

#include "app/workbench/pane_factory.h"
#include "app/workbench/panes/labeling/active_queue_view.h"
#include "app/workbench/panes/labeling/image_grid_view.h"
#include "app/workbench/panes/labeling/review_view.h"
#include "app/workbench/panes/labeling/spectrogram.h"
#include "app/workbench/panes/labeling/store_label_model.h"
#include "app/workbench/panes/labeling/timeline_widget.h"
#include "app/workbench/widgets/elided_label.h"
#include "app/workbench/workspace.h"
#include "core/labeling/label_repository.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"

namespace edgewise::gui {

namespace {

const QColor kClassColors[] = {QColor(46, 134, 193), QColor(231, 76, 60),  QColor(39, 174, 96),
                               QColor(243, 156, 18), QColor(142, 68, 173), QColor(22, 160, 133),
                               QColor(211, 84, 0),   QColor(52, 73, 94),   QColor(192, 57, 43)};

QIcon swatch(const QColor& color) {
  QPixmap pm(14, 14);
  pm.fill(Qt::transparent);
  QPainter p(&pm);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(color.darker(130));
  p.setBrush(color);
  p.drawRoundedRect(QRectF(1.5, 1.5, 11, 11), 3, 3);
  return QIcon(pm);
}

// One class edit (name, color, key) as an undo step: both directions write a whole row.
class ClassEditCommand : public QUndoCommand {
 public:
  ClassEditCommand(LabelingPane* pane, labeling::LabelClass before, labeling::LabelClass after,
                   const QString& text)
      : QUndoCommand(text), m_pane(pane), m_before(std::move(before)), m_after(std::move(after)) {}
  void undo() override { m_pane->applyClassRow(m_before); }
  void redo() override {
    if (m_first) {
      m_first = false;  // editClass has written it already
      return;
    }
    m_pane->applyClassRow(m_after);
  }

 private:
  LabelingPane* m_pane;
  labeling::LabelClass m_before, m_after;
  bool m_first = true;
};

}  // namespace

void registerLabelingPane() {
  PaneFactory factory;
  factory.id = QStringLiteral("labeling");
  factory.title = [] { return LabelingPane::tr("Labeling"); };
  factory.area = Qt::RightDockWidgetArea;
  factory.order = 20;
  factory.create = [](Workspace& workspace, QWidget* parent) -> QWidget* {
    return new LabelingPane(workspace, parent);
  };
  PaneRegistry::add(std::move(factory));
}

LabelingPane::LabelingPane(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace) {
  setObjectName(QStringLiteral("labelingPane"));
  buildUi();
  retranslateUi();
  connect(&m_workspace, &Workspace::projectChanged, this, [this] {
    bindProject();
    refreshRecordings();
  });
  connect(&m_workspace, &Workspace::recordingsChanged, this, &LabelingPane::refreshRecordings);
  connect(&m_workspace, &Workspace::datasetsChanged, this, [this] {
    m_queue->refreshDatasets();
    m_grid->refreshDatasets();
    updateItemViews();
  });
  connect(&m_workspace, &Workspace::labelingRequested, this, &LabelingPane::showLabelingRequest);
  bindProject();
  refreshRecordings();
}

LabelingPane::~LabelingPane() {
  // Closing the window moves focus and the annotator field would report editingFinished
  // while the members are going away.
  disconnect(m_annotator, nullptr, this, nullptr);
  disconnect(m_tabs, nullptr, this, nullptr);
  // The timeline's undo commands point at the model: detach before it goes.
  m_timeline->setLabelModel(nullptr);
}

void LabelingPane::bindProject() {
  m_review->setContext(nullptr, -1);  // it points at the repository
  m_timeline->setLabelModel(nullptr);
  m_model.reset();
  m_repo.reset();
  m_classes.clear();
  m_annotatorId = 0;
  m_error.clear();
  m_recordingId = m_streamId = -1;
  if (store::Project* project = m_workspace.project()) {
    m_repo = std::make_unique<labeling::LabelRepository>(*project);
    reloadClasses();
    // Select a known annotator of this name; a new one is created on the first label.
    if (!annotator().isEmpty()) {
      auto known = m_repo->annotators();
      if (known.ok()) {
        for (const labeling::Annotator& a : *known)
          if (QString::fromStdString(a.name) == annotator()) m_annotatorId = a.id;
      }
    }
  }
  setCurrentClass(m_classes.empty() ? -1 : m_classes.front().id);
  rebuildPalette();
  m_queue->setContext(nullptr, nullptr, 0);  // the old store is gone
  m_grid->setContext(nullptr, nullptr, 0);
  updateItemViews();
}

void LabelingPane::updateItemViews() {
  // Only while the queue or the grid is shown: binding them creates the annotator.
  const int tab = m_tabs->currentIndex();
  if (tab != QueueTab && tab != GridTab) return;
  store::Project* project = m_workspace.project();
  int64_t annotatorId = 0;
  if (m_repo && !annotator().isEmpty()) {
    auto a = m_repo->ensureAnnotator(annotator().toStdString());
    if (a.ok()) annotatorId = a->id;
  }
  m_queue->setContext(project, m_repo.get(), annotatorId);
  m_grid->setContext(project, m_repo.get(), annotatorId);
}

void LabelingPane::showLabelingRequest(qint64 recordingId, qint64 startUs, qint64 endUs,
                                       const QString& reason) {
  if (m_recording->findData(QVariant::fromValue<qlonglong>(recordingId)) < 0) refreshRecordings();
  if (!openRecording(recordingId)) {
    m_bannerText->setText(tr("Asked to label recording %1, which this project does not have: %2")
                              .arg(recordingId)
                              .arg(reason));
    m_banner->show();
    return;
  }
  m_tabs->setCurrentIndex(TimelineTab);
  // The range with a quarter of its length (at least half a second) of context on each side.
  const double a = m_timeline->keyOf(startUs), b = m_timeline->keyOf(endUs);
  const double pad = std::max(0.5, 0.25 * (b - a));
  m_timeline->setVisibleRange(a - pad, b + pad);
  m_bannerText->setText(
      tr("To label: %1 – %2 s. %3").arg(a, 0, 'f', 2).arg(b, 0, 'f', 2).arg(reason));
  m_banner->show();
  raise();
}

void LabelingPane::applyAnnotator() {
  if (!m_repo) return updateStatus();
  int64_t id = 0;
  if (!annotator().isEmpty()) {
    auto a = m_repo->ensureAnnotator(annotator().toStdString());
    if (!a.ok()) return setError(QString::fromStdString(a.error().toString()));
    id = a->id;
  }
  m_error.clear();
  const int64_t current = m_model ? m_model->annotatorId() : m_annotatorId;
  if (id == current && m_model) return updateStatus();
  m_timeline->setLabelModel(nullptr);
  m_model.reset();
  m_annotatorId = id;
  attachModel();
  updateItemViews();
}

void LabelingPane::attachModel() {
  m_timeline->setLabelModel(nullptr);
  if (m_model) m_annotatorId = m_model->annotatorId();  // it may have created the annotator
  m_model.reset();
  if (m_repo && m_recordingId >= 0 && m_streamId >= 0 && m_loadError.isEmpty()) {
    m_model = std::make_unique<StoreLabelModel>(*m_repo, m_recordingId, m_streamId, m_annotatorId,
                                                annotator(), m_classes);
    m_timeline->setLabelModel(m_model.get());
  }
  updateStatus();
  updateReview();
}

void LabelingPane::setReviewVisible(bool on) {
  if (m_reviewButton->isChecked() != on) m_reviewButton->setChecked(on);  // re-enters
  m_review->setVisible(on);
  updateReview();
}

void LabelingPane::updateReview() {
  if (!m_review->isVisibleTo(this)) return;
  m_review->setOriginUs(m_timeline->originUs());
  m_review->setAdjudicator(annotator());
  m_review->setContext(m_repo.get(), m_repo && m_loadError.isEmpty() ? m_recordingId : -1);
}

void LabelingPane::setError(const QString& message) {
  m_error = message;
  updateStatus();
}

void LabelingPane::buildUi() {
  auto* root = new QVBoxLayout(this);
  root->setContentsMargins(6, 6, 6, 6);
  root->setSpacing(6);

  auto* top = new QHBoxLayout;
  top->setSpacing(6);
  m_recordingLabel = new QLabel(this);
  m_recording = new QComboBox(this);
  m_recording->setObjectName(QStringLiteral("recordingCombo"));
  m_recording->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_recording->setMinimumContentsLength(14);
  m_streamLabel = new QLabel(this);
  m_stream = new QComboBox(this);
  m_stream->setObjectName(QStringLiteral("streamCombo"));
  m_stream->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_stream->setMinimumContentsLength(12);
  m_channels = new QToolButton(this);
  m_channels->setObjectName(QStringLiteral("channelsButton"));
  m_channels->setPopupMode(QToolButton::InstantPopup);
  m_channelMenu = new QMenu(m_channels);
  m_channels->setMenu(m_channelMenu);
  m_layout = new QComboBox(this);
  m_layout->setObjectName(QStringLiteral("layoutCombo"));
  m_layout->addItem(QString());
  m_layout->addItem(QString());
  m_fit = new QToolButton(this);
  m_spectrogram = new QToolButton(this);
  m_spectrogram->setObjectName(QStringLiteral("spectrogramButton"));
  m_spectrogram->setCheckable(true);
  m_spectrogram->setChecked(true);
  m_spectrogram->setEnabled(false);
  m_undo = new QToolButton(this);
  m_undo->setObjectName(QStringLiteral("undoButton"));
  m_redo = new QToolButton(this);
  m_redo->setObjectName(QStringLiteral("redoButton"));
  m_annotatorLabel = new QLabel(this);
  m_annotator = new QLineEdit(this);
  m_annotator->setObjectName(QStringLiteral("annotatorEdit"));
  m_annotator->setMaximumWidth(160);
  top->addWidget(m_recordingLabel);
  top->addWidget(m_recording, 2);
  top->addWidget(m_streamLabel);
  top->addWidget(m_stream, 1);
  top->addWidget(m_channels);
  top->addWidget(m_layout);
  top->addWidget(m_fit);
  top->addWidget(m_spectrogram);
  root->addLayout(top);
  // Editing and who edits on a row of their own: on one row with the view controls the pane
  // needed 1,209 px in German and pushed the main window past 1,600 px.
  auto* edit = new QHBoxLayout;
  edit->setSpacing(6);
  edit->addWidget(m_undo);
  edit->addWidget(m_redo);
  m_reviewButton = new QToolButton(this);
  m_reviewButton->setObjectName(QStringLiteral("reviewButton"));
  m_reviewButton->setCheckable(true);
  edit->addWidget(m_reviewButton);
  edit->addStretch(1);
  edit->addWidget(m_annotatorLabel);
  edit->addWidget(m_annotator, 1);
  root->addLayout(edit);

  auto* palette = new QHBoxLayout;
  palette->setSpacing(4);
  m_classesLabel = new QLabel(this);
  palette->addWidget(m_classesLabel);
  m_paletteLayout = new QHBoxLayout;
  m_paletteLayout->setSpacing(4);
  palette->addLayout(m_paletteLayout);
  palette->addStretch(1);
  m_newClass = new QLineEdit(this);
  m_newClass->setObjectName(QStringLiteral("newClassEdit"));
  m_newClass->setMaximumWidth(140);
  m_addClass = new QToolButton(this);
  m_addClass->setObjectName(QStringLiteral("addClassButton"));
  palette->addWidget(m_newClass);
  palette->addWidget(m_addClass);
  root->addLayout(palette);
  m_paletteGroup = new QButtonGroup(this);
  m_paletteGroup->setExclusive(true);

  auto* split = new QSplitter(Qt::Vertical, this);
  split->setObjectName(QStringLiteral("labelingSplitter"));
  split->setChildrenCollapsible(false);
  m_timeline = new TimelineWidget(split);
  m_review = new ReviewView(split);
  split->addWidget(m_timeline);
  split->addWidget(m_review);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  m_review->hide();

  // A labeling request (e.g. drifted windows from the Audit pane): what and why.
  m_banner = new QFrame(this);
  m_banner->setObjectName(QStringLiteral("labelingRequestBanner"));
  m_banner->setStyleSheet(
      QStringLiteral("#labelingRequestBanner { background: #fff4ce; border: 1px solid #e0b400; "
                     "border-radius: 4px; } #labelingRequestBanner QLabel { color: #4d3b00; }"));
  auto* bannerLayout = new QHBoxLayout(m_banner);
  bannerLayout->setContentsMargins(8, 4, 4, 4);
  m_bannerText = new QLabel(m_banner);
  m_bannerText->setObjectName(QStringLiteral("labelingRequestText"));
  m_bannerText->setWordWrap(true);
  m_bannerClose = new QToolButton(m_banner);
  m_bannerClose->setAutoRaise(true);
  bannerLayout->addWidget(m_bannerText, 1);
  bannerLayout->addWidget(m_bannerClose);
  m_banner->hide();
  root->addWidget(m_banner);

  m_tabs = new QTabWidget(this);
  m_tabs->setObjectName(QStringLiteral("labelingTabs"));
  m_tabs->setDocumentMode(true);
  m_queue = new ActiveQueueView(m_tabs);
  m_grid = new ImageGridView(m_tabs);
  m_tabs->addTab(split, QString());
  m_tabs->addTab(m_queue, QString());
  m_tabs->addTab(m_grid, QString());
  root->addWidget(m_tabs, 1);

  m_hint = new ElidedLabel(this);
  m_hint->setObjectName(QStringLiteral("labelingHint"));
  m_status = new ElidedLabel(this);
  m_status->setObjectName(QStringLiteral("labelingStatus"));
  QPalette dim = m_hint->palette();
  dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
  m_hint->setPalette(dim);
  root->addWidget(m_status);
  root->addWidget(m_hint);

  connect(m_recording, qOverload<int>(&QComboBox::activated), this,
          [this](int index) { openRecording(m_recording->itemData(index).toLongLong()); });
  connect(m_stream, qOverload<int>(&QComboBox::activated), this, [this] { loadStream(); });
  connect(m_layout, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) {
    m_timeline->setChannelLayout(i == 1 ? TimelineWidget::ChannelLayout::Overlaid
                                        : TimelineWidget::ChannelLayout::Stacked);
  });
  connect(m_fit, &QToolButton::clicked, this, [this] {
    const QCPRange full = m_timeline->fullRange();
    m_timeline->setVisibleRange(full.lower, full.upper);
  });
  connect(m_spectrogram, &QToolButton::toggled, m_timeline, &TimelineWidget::setSpectrogramVisible);
  QUndoStack* undo = m_timeline->undoStack();
  connect(m_undo, &QToolButton::clicked, undo, &QUndoStack::undo);
  connect(m_redo, &QToolButton::clicked, undo, &QUndoStack::redo);
  connect(undo, &QUndoStack::canUndoChanged, m_undo, &QToolButton::setEnabled);
  connect(undo, &QUndoStack::canRedoChanged, m_redo, &QToolButton::setEnabled);
  m_undo->setEnabled(false);
  m_redo->setEnabled(false);
  connect(m_addClass, &QToolButton::clicked, this, [this] {
    const QString name = m_newClass->text().trimmed();
    if (name.isEmpty()) return;
    if (addClass(name) >= 0) m_newClass->clear();  // a refused name stays for fixing
  });
  connect(m_newClass, &QLineEdit::returnPressed, m_addClass, &QToolButton::click);
  connect(m_timeline, &TimelineWidget::labelsChanged, this, &LabelingPane::updateStatus);
  connect(m_timeline, &TimelineWidget::selectionChanged, this, &LabelingPane::updateStatus);
  // The model keeps the store's last error; a refused class or annotator lasts until the next
  // label edit.
  connect(m_timeline, &TimelineWidget::errorOccurred, this, &LabelingPane::updateStatus);
  connect(undo, &QUndoStack::indexChanged, this, [this] {
    m_error.clear();
    updateStatus();
  });
  connect(m_annotator, &QLineEdit::textChanged, this, &LabelingPane::updateStatus);
  connect(m_reviewButton, &QToolButton::toggled, this, &LabelingPane::setReviewVisible);
  // One undo history for the pane: label edits, adjudications, queue and grid labels.
  m_review->setUndoStack(undo);
  m_queue->setUndoStack(undo);
  m_grid->setUndoStack(undo);
  connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
    // The recording controls, status and hints are the timeline's; the queue and the grid have
    // their own. Annotator, undo/redo and the classes serve every tab.
    const bool timeline = tab == TimelineTab;
    for (QWidget* w : std::initializer_list<QWidget*>{
             m_recordingLabel, m_recording, m_streamLabel, m_stream, m_channels, m_layout, m_fit,
             m_spectrogram, m_reviewButton, m_status, m_hint})
      w->setVisible(timeline);
    updateItemViews();
  });
  connect(m_queue, &ActiveQueueView::classesChanged, this, &LabelingPane::reloadClasses);
  // Queue labels of recording windows are segments: the timeline and the review show them.
  connect(m_queue, &ActiveQueueView::labelsChanged, this, [this] {
    if (!m_model) return;
    m_model->reload();
    m_timeline->refreshLabels();
    updateReview();
    updateStatus();
  });
  connect(m_grid, &ImageGridView::classesChanged, this, &LabelingPane::reloadClasses);
  connect(m_bannerClose, &QToolButton::clicked, m_banner, &QWidget::hide);
  connect(m_review, &ReviewView::showSpan, this, [this](int64_t startUs, int64_t endUs) {
    // The span with as much context again on each side (at least a second).
    const double a = m_timeline->keyOf(startUs), b = m_timeline->keyOf(endUs);
    const double pad = std::max(1.0, b - a);
    m_timeline->setVisibleRange(a - pad, b + pad);
  });
  // Another annotator's labels change agreement: re-read after every edit, undo and redo.
  connect(m_timeline, &TimelineWidget::labelsChanged, this, &LabelingPane::updateReview);
  connect(m_annotator, &QLineEdit::editingFinished, this, &LabelingPane::applyAnnotator);
  // Keys 1-9 also pick the class for the next segment: keep the palette in step.
  connect(m_timeline, &TimelineWidget::labelsChanged, this, [this] {
    if (m_timeline->currentClass() != m_currentClass) setCurrentClass(m_timeline->currentClass());
  });
}

void LabelingPane::retranslateUi() {
  m_recordingLabel->setText(tr("Recording"));
  m_streamLabel->setText(tr("Stream"));
  m_channels->setText(tr("Channels"));
  m_channels->setToolTip(tr("Show or hide channels"));
  m_layout->setItemText(0, tr("Stacked"));
  m_layout->setItemText(1, tr("Overlaid"));
  m_layout->setToolTip(tr("Draw each channel in its own band, or all on one axis"));
  m_fit->setText(tr("Fit"));
  m_fit->setToolTip(tr("Show the whole recording"));
  m_spectrogram->setText(tr("Spectrogram"));
  m_spectrogram->setToolTip(
      tr("Show the spectrogram (dB over frequency) under the waveform of an audio stream"));
  m_undo->setText(tr("Undo"));
  m_undo->setToolTip(tr("Undo the last label edit (Ctrl+Z in the timeline)"));
  m_redo->setText(tr("Redo"));
  m_redo->setToolTip(tr("Redo (Ctrl+Shift+Z in the timeline)"));
  m_tabs->setTabText(TimelineTab, tr("Timeline"));
  m_tabs->setTabText(QueueTab, tr("Queue"));
  m_tabs->setTabToolTip(QueueTab, tr("Active learning: label what the model needs most, with its "
                                     "suggestion as a pre-annotation"));
  m_tabs->setTabText(GridTab, tr("Image grid"));
  m_tabs->setTabToolTip(GridTab, tr("Label the samples of an image dataset in a grid"));
  m_bannerClose->setText(QStringLiteral("✕"));
  m_bannerClose->setToolTip(tr("Hide this request"));
  m_reviewButton->setText(tr("Review"));
  m_reviewButton->setToolTip(
      tr("Agreement between the annotators of this recording and their disagreements"));
  m_annotatorLabel->setText(tr("Annotator"));
  m_annotator->setPlaceholderText(tr("your name"));
  m_classesLabel->setText(tr("Classes"));
  m_newClass->setPlaceholderText(tr("new class"));
  m_addClass->setText(tr("Add class"));
  m_hint->setText(
      tr("Drag to label, drag an edge to resize, click to select; 1-9 class, Del delete, "
         "Ctrl+Z undo; arrows and PageUp/PageDown move, wheel or +/- zoom, Shift+drag pans; "
         "N next unlabeled, S next suggestion"));
  rebuildPalette();
  updateStatus();
}

void LabelingPane::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

QString LabelingPane::requestText() const {
  return m_banner->isVisibleTo(const_cast<LabelingPane*>(this)) ? m_bannerText->text() : QString();
}

QString LabelingPane::annotator() const {
  return m_annotator->text().trimmed();
}
void LabelingPane::setAnnotator(const QString& name) {
  m_annotator->setText(name);
  applyAnnotator();
}

int LabelingPane::addClass(const QString& name, const QColor& color) {
  if (!m_repo) return -1;
  std::vector<bool> used(10, false);
  for (const TimelineClass& c : m_classes)
    if (c.key >= 1 && c.key <= 9) used[c.key] = true;
  int key = 0;
  for (int k = 1; k <= 9 && key == 0; ++k)
    if (!used[k]) key = k;
  const QColor c =
      color.isValid() ? color : kClassColors[m_classes.size() % std::size(kClassColors)];
  auto added = m_repo->addClass(name.toStdString(), c.name().toStdString(), key);
  if (!added.ok()) {
    setError(
        tr("Could not add the class: %1").arg(QString::fromStdString(added.error().toString())));
    return -1;
  }
  m_error.clear();
  const int id = static_cast<int>(added->id);
  m_classes.push_back(TimelineClass{id, QString::fromStdString(added->name), c, key});
  if (m_model) m_model->setClasses(m_classes);
  if (m_currentClass < 0) setCurrentClass(id);
  rebuildPalette();
  m_timeline->refreshLabels();
  updateStatus();
  return id;
}

void LabelingPane::reloadClasses() {
  m_classes.clear();
  if (m_repo) {
    auto classes = m_repo->classes();
    if (classes.ok()) {
      for (const labeling::LabelClass& c : *classes)
        m_classes.push_back(TimelineClass{static_cast<int>(c.id), QString::fromStdString(c.name),
                                          QColor(QString::fromStdString(c.color)), c.shortcut});
    } else {
      setError(QString::fromStdString(classes.error().toString()));
    }
  }
  if (m_model) m_model->setClasses(m_classes);
  rebuildPalette();
  m_timeline->refreshLabels();
  m_grid->reloadClasses();
  updateReview();
  updateStatus();
}

bool LabelingPane::applyClassRow(const labeling::LabelClass& row) {
  if (!m_repo) return false;
  if (auto r = m_repo->restoreClassRow(row); !r.ok()) {
    setError(
        tr("Could not change the class: %1").arg(QString::fromStdString(r.error().toString())));
    return false;
  }
  reloadClasses();
  return true;
}

bool LabelingPane::editClass(int classId, const QString& name, const QColor& color, int key) {
  if (!m_repo) return false;
  auto before = m_repo->classById(classId);
  if (!before.ok()) {
    setError(tr("Could not change the class: %1")
                 .arg(QString::fromStdString(before.error().toString())));
    return false;
  }
  const std::string newName = name.trimmed().toStdString();
  const std::string newColor = color.isValid() ? color.name().toStdString() : before->color;
  // Each change through the repository (it checks names, colors and keys), in order; on a
  // refusal the row goes back as it was.
  Result<labeling::LabelClass> step = *before;
  if (step.ok() && newName != before->name) step = m_repo->renameClass(classId, newName);
  if (step.ok() && newColor != before->color) step = m_repo->recolorClass(classId, newColor);
  if (step.ok() && key != before->shortcut) step = m_repo->setClassShortcut(classId, key);
  if (!step.ok()) {
    (void)m_repo->restoreClassRow(*before);
    const QString why = QString::fromStdString(step.error().toString());
    reloadClasses();
    setError(tr("Could not change the class: %1").arg(why));
    return false;
  }
  auto after = m_repo->classById(classId);
  if (!after.ok() || *after == *before) return after.ok();
  m_error.clear();
  m_timeline->undoStack()->push(new ClassEditCommand(
      this, *before, *after, tr("Edit class %1").arg(QString::fromStdString(before->name))));
  reloadClasses();
  return true;
}

void LabelingPane::showClassEditor(int classId) {
  auto it = std::find_if(m_classes.begin(), m_classes.end(),
                         [classId](const TimelineClass& c) { return c.id == classId; });
  if (it == m_classes.end()) return;
  QDialog dialog(this);
  dialog.setObjectName(QStringLiteral("classEditor"));
  dialog.setWindowTitle(tr("Edit class"));
  dialog.setMinimumWidth(340);
  auto* form = new QFormLayout(&dialog);
  auto* name = new QLineEdit(it->name, &dialog);
  name->setObjectName(QStringLiteral("classEditorName"));
  QColor color = it->color;
  auto* colorButton = new QToolButton(&dialog);
  colorButton->setObjectName(QStringLiteral("classEditorColor"));
  colorButton->setIcon(swatch(color));
  colorButton->setText(color.name());
  colorButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  connect(colorButton, &QToolButton::clicked, &dialog, [&] {
    const QColor picked = QColorDialog::getColor(color, &dialog, tr("Class color"));
    if (!picked.isValid()) return;
    color = picked;
    colorButton->setIcon(swatch(color));
    colorButton->setText(color.name());
  });
  auto* key = new QSpinBox(&dialog);
  key->setObjectName(QStringLiteral("classEditorKey"));
  key->setRange(0, 9);
  key->setSpecialValueText(tr("none"));
  key->setValue(it->key);
  form->addRow(tr("Name:"), name);
  form->addRow(tr("Color:"), colorButton);
  form->addRow(tr("Shortcut key:"), key);
  auto* note = new QLabel(tr("Renaming changes the class of every label that uses it."), &dialog);
  note->setWordWrap(true);
  form->addRow(note);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  if (dialog.exec() != QDialog::Accepted) return;
  editClass(classId, name->text(), color, key->value());
}

void LabelingPane::setCurrentClass(int classId) {
  m_currentClass = classId;
  m_timeline->setCurrentClass(classId);
  if (QAbstractButton* b = m_paletteGroup->button(classId)) b->setChecked(true);
}

void LabelingPane::rebuildPalette() {
  for (QAbstractButton* b : m_paletteGroup->buttons()) {
    m_paletteGroup->removeButton(b);
    // Deleted later (it may be the button whose menu edited the class): out of sight and out
    // of findChild's way until then.
    b->hide();
    b->setObjectName(QString());
    b->deleteLater();
  }
  for (const TimelineClass& c : m_classes) {
    auto* b = new QToolButton(this);
    b->setObjectName(QStringLiteral("classButton_%1").arg(c.id));
    b->setCheckable(true);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setIcon(swatch(c.color));
    b->setText(c.key > 0 ? tr("%1  %2").arg(c.key).arg(c.name) : c.name);
    b->setToolTip(
        c.key > 0
            ? tr("Class %1: key %2 assigns it to the selected labels. Right-click "
                 "to rename it or change its color or key.")
                  .arg(c.name)
                  .arg(c.key)
            : tr("Class %1. Right-click to rename it or change its color or key.").arg(c.name));
    b->setChecked(c.id == m_currentClass);
    m_paletteGroup->addButton(b, c.id);
    m_paletteLayout->addWidget(b);
    connect(b, &QToolButton::clicked, this, [this, id = c.id] {
      setCurrentClass(id);
      m_timeline->setFocus();
    });
    b->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(b, &QToolButton::customContextMenuRequested, this, [this, b, id = c.id](QPoint at) {
      QMenu menu(b);
      menu.addAction(tr("Edit class\u2026"), this, [this, id] { showClassEditor(id); });
      menu.exec(b->mapToGlobal(at));
    });
  }
}

void LabelingPane::refreshRecordings() {
  m_recording->clear();
  store::Project* project = m_workspace.project();
  if (!project) {
    m_stream->clear();
    m_timeline->setLabelModel(nullptr);
    m_timeline->clearSeries();
    m_loadError.clear();
    updateStatus();
    return;
  }
  auto list = project->recordings().list();
  if (!list.ok()) {
    m_loadError = QString::fromStdString(list.error().toString());
    updateStatus();
    return;
  }
  int keep = -1;
  for (const store::RecordingSummary& r : list.value()) {
    m_recording->addItem(
        tr("%1 (%2 s)").arg(QString::fromStdString(r.name)).arg(r.durationSeconds(), 0, 'f', 1),
        QVariant::fromValue<qlonglong>(r.id));
    if (r.id == m_recordingId) keep = m_recording->count() - 1;
  }
  if (keep >= 0) {
    m_recording->setCurrentIndex(keep);
  } else if (m_recording->count() > 0) {
    openRecording(m_recording->itemData(0).toLongLong());
  } else {
    m_stream->clear();
    m_timeline->setLabelModel(nullptr);
    m_timeline->clearSeries();
  }
  updateStatus();
}

bool LabelingPane::openRecording(int64_t recordingId) {
  store::Project* project = m_workspace.project();
  if (!project) return false;
  const int index = m_recording->findData(QVariant::fromValue<qlonglong>(recordingId));
  if (index < 0) return false;
  m_recording->setCurrentIndex(index);
  m_recordingId = recordingId;
  m_stream->clear();
  auto streams = project->recordings().streams(recordingId);
  if (!streams.ok()) {
    m_loadError = QString::fromStdString(streams.error().toString());
    updateStatus();
    return false;
  }
  for (const store::StreamSummary& s : streams.value()) {
    if (s.spec.kind == store::StreamKind::Image) continue;
    m_stream->addItem(
        tr("%1 / %2 (%n sample(s))", nullptr, static_cast<int>(s.sampleCount))
            .arg(QString::fromStdString(s.spec.deviceId), QString::fromStdString(s.spec.topic)),
        QVariant::fromValue<qlonglong>(s.id));
  }
  loadStream();
  return true;
}

void LabelingPane::loadStream() {
  m_loadError.clear();
  store::Project* project = m_workspace.project();
  const int index = m_stream->currentIndex();
  m_channelMenu->clear();
  if (!project || index < 0) {
    m_streamId = -1;
    m_timeline->setLabelModel(nullptr);
    m_timeline->setSpectrogramRate(0);
    m_spectrogram->setEnabled(false);
    m_timeline->clearSeries();
    updateStatus();
    return;
  }
  m_streamId = m_stream->itemData(index).toLongLong();
  QStringList names;
  bool audio = false;
  double nominalRate = 0;
  auto streams = project->recordings().streams(m_recordingId);
  if (streams.ok()) {
    for (const store::StreamSummary& s : streams.value())
      if (s.id == m_streamId) {
        for (const std::string& n : s.spec.channelNames) names << QString::fromStdString(n);
        audio = s.spec.kind == store::StreamKind::Audio;
        nominalRate = s.spec.sampleRateHz;
      }
  }
  auto chunk = project->recordings().readStream(m_streamId);
  if (!chunk.ok()) {
    m_loadError = QString::fromStdString(chunk.error().toString());
    m_timeline->clearSeries();
    updateStatus();
    return;
  }
  auto series = std::make_shared<TimelineSeries>();
  series->channels = chunk.value().channelCount;
  series->timestampsUs = std::move(chunk.value().timestampsUs);
  series->values = std::move(chunk.value().values);
  m_timeline->setLabelModel(nullptr);
  m_timeline->setSeries(series, names);
  // Audio, or one channel at >= 4 kHz: a spectrogram under the waveform (on for audio).
  const double specRate = spectrogramRateFor(audio, series->channels, nominalRate,
                                             m_timeline->timestampReport().medianIntervalUs);
  {
    const QSignalBlocker block(m_spectrogram);
    m_spectrogram->setChecked(audio);
  }
  m_spectrogram->setEnabled(specRate > 0);
  m_timeline->setSpectrogramVisible(audio);
  m_timeline->setSpectrogramRate(specRate);
  attachModel();
  for (int c = 0; c < series->channels; ++c) {
    QAction* a = m_channelMenu->addAction(names.value(c, tr("channel %1").arg(c + 1)));
    a->setCheckable(true);
    a->setChecked(true);
    connect(a, &QAction::toggled, this,
            [this, c](bool on) { m_timeline->setChannelVisible(c, on); });
  }
  updateStatus();
}

void LabelingPane::updateStatus() {
  if (!m_status) return;
  QString error = m_model ? m_model->lastError() : QString();
  if (error.isEmpty()) error = m_error;
  const QString style = error.isEmpty() ? QString() : QStringLiteral("QLabel { color: #c62828; }");
  if (m_status->styleSheet() != style) m_status->setStyleSheet(style);
  if (!error.isEmpty()) {
    m_status->setText(tr("Not saved: %1").arg(error));
    return;
  }
  if (!m_workspace.project()) {
    m_status->setText(tr("Open a project to label its recordings."));
    return;
  }
  if (!m_loadError.isEmpty()) {
    m_status->setText(tr("Could not read the recording: %1").arg(m_loadError));
    return;
  }
  if (m_recording->count() == 0) {
    m_status->setText(tr("This project has no recordings yet: record some in the Capture pane."));
    return;
  }
  if (m_classes.empty()) {
    m_status->setText(tr("Add a class to start labeling."));
    return;
  }
  const TimelineLabelModel* model = m_timeline->labelModel();
  const int labels = model ? static_cast<int>(model->segments().size()) : 0;
  const QString who = annotator().isEmpty() ? tr("no annotator name") : annotator();
  m_status->setText(tr("%n label(s), %1 selected; annotator: %2", nullptr, labels)
                        .arg(m_timeline->selection().size())
                        .arg(who));
}

}  // namespace edgewise::gui
