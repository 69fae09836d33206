#include "app/workbench/panes/training/training_pane.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>
#include <numeric>
#include <tuple>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/pane_factory.h"
#include "app/workbench/panes/datasets/import_dataset_dialog.h"
#include "app/workbench/panes/training/confusion_matrix_widget.h"
#include "app/workbench/panes/training/models_table_model.h"
#include "app/workbench/panes/training/sample_render.h"
#include "app/workbench/panes/training/search_trials_view.h"
#include "app/workbench/widgets/qcustomplot_include.h"
#include "app/workbench/workspace.h"
#include "core/dataset/data/dataset_repository.h"
#include "core/dataset/features/feature_block.h"
#include "core/store/project.h"
#include "core/training/service/model_factory.h"

namespace edgewise::gui {

// Carries finished epochs from the worker to the pane (a queued connection): the worker
// never touches a widget.
class TrainingRelay : public QObject {
  Q_OBJECT
 Q_SIGNALS:
  void epoch(int epoch, int epochs, double trainLoss, double trainAcc, double valLoss,
             double valAcc);
  void trial(const QString& params, double valScore, double seconds, double resource, int rung,
             const QString& error);
};

namespace {

const QString kKeyEpochs = QStringLiteral("epochs");
const QString kKeyLr = QStringLiteral("lr");
const QString kKeyBatch = QStringLiteral("batch_size");
constexpr int kMaxThumbnails = 240;
constexpr int kThumb = 56;

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

// A search request takes a per-trial callback only in service versions that offer one
// (SearchRequest::onTrial); without it the trials arrive with the outcome, and the progress
// messages ("trial 3/20: val 0.953") keep the table and plot live meanwhile.
template <typename Request, typename Fn>
auto setTrialCallback(Request& request, Fn&& fn, int) -> decltype(request.onTrial = fn, true) {
  request.onTrial = std::forward<Fn>(fn);
  return true;
}
template <typename Request, typename Fn>
bool setTrialCallback(Request&, Fn&&, long) {
  return false;
}
// The score field's name differs between the service's and the search's trial records.
[[maybe_unused]] double trialScore(const training::SearchTrialInfo& t) {
  return t.valScore;
}
[[maybe_unused]] double trialScore(const training::SearchTrial& t) {
  return t.score;
}

QTableWidget* makeKeyValueTable(QWidget* parent) {
  auto* table = new QTableWidget(0, 2, parent);
  table->verticalHeader()->hide();
  table->horizontalHeader()->setStretchLastSection(true);
  table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  table->setSelectionMode(QAbstractItemView::SingleSelection);
  table->setEditTriggers(QAbstractItemView::AllEditTriggers);
  table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
  return table;
}

// Colours from the pane's palette: on a theme switch the pane hears of it before its
// children have theirs.
void setupPlot(QCustomPlot* plot, const QPalette& palette) {
  plot->setNoAntialiasingOnDrag(true);
  plot->setBackground(palette.base());
  const QColor text = palette.color(QPalette::Text);
  for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
    axis->setBasePen(QPen(text));
    axis->setTickPen(QPen(text));
    axis->setSubTickPen(QPen(text));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
  }
  plot->legend->setBrush(palette.base());
  if (plot->axisRect()) {
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
      axis->grid()->setPen(QPen(palette.color(QPalette::Mid), 0, Qt::DotLine));
    }
  }
  plot->legend->setTextColor(text);
}

// What a finished search found, in the current language (the view re-makes it on a switch).
QString searchSummaryText(const training::SearchOutcome& o) {
  QString text = TrainingPane::tr(
                     "Searched %n trial(s) in %1 s; best validation accuracy %2, test "
                     "accuracy %3% (%4)",
                     nullptr, static_cast<int>(o.trials.size()))
                     .arg(o.searchSeconds, 0, 'f', 2)
                     .arg(o.bestValScore, 0, 'f', 3)
                     .arg(o.best.metrics.accuracy * 100.0, 0, 'f', 1)
                     .arg(qs(o.best.name));
  if (o.stoppedByBudget)
    text += QLatin1Char(' ') + TrainingPane::tr("The time budget ended the search.");
  return text;
}

// The disclosure triangle (open / closed) in front of the translated title.
QString advancedToggleText(bool open) {
  return (open ? QStringLiteral("\u25BE ") : QStringLiteral("\u25B8 ")) +
         TrainingPane::tr("Advanced hyper-parameters");
}

}  // namespace

void registerTrainingPane() {
  PaneFactory factory;
  factory.id = QStringLiteral("training");
  factory.title = [] { return TrainingPane::tr("Training"); };
  factory.area = Qt::RightDockWidgetArea;
  factory.order = 30;
  factory.create = [](Workspace& workspace, QWidget* parent) -> QWidget* {
    return new TrainingPane(workspace, parent);
  };
  PaneRegistry::add(std::move(factory));
}

TrainingPane::TrainingPane(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace) {
  setObjectName(QStringLiteral("trainingPane"));
  buildUi();
  retranslateUi();

  connect(&m_workspace, &Workspace::projectChanged, this, [this] {
    ++m_generation;
    m_evaluations.clear();
    m_evaluationJobs.clear();
    m_lastSearch.reset();  // its trials belong to the project being left
    m_searchView->clear();
    refresh();
  });
  connect(&m_workspace, &Workspace::datasetsChanged, this, [this] { reloadDatasets(); });

  JobManager& jobs = JobManager::jobs();
  connect(&jobs, &JobManager::jobProgress, this,
          [this](int id, double fraction, const QString& message) {
            if (id != m_jobId) return;
            m_progress->setValue(static_cast<int>(fraction * 1000));
            if (!message.isEmpty()) m_status->setText(message);
            if (m_jobIsSearch) searchProgressMessage(message);
          });
  refresh();
}

TrainingPane::~TrainingPane() {
  // A running job keeps its own connection and relay; it must not outlive the request to
  // stop when the pane goes (the JobManager waits for it on shutdown).
  if (m_cancelFlag) m_cancelFlag->store(true);
}

void TrainingPane::buildUi() {
  // ---- Setup column --------------------------------------------------------------------
  m_emptyState = new QLabel(this);
  m_emptyState->setObjectName(QStringLiteral("trainingEmptyState"));
  m_emptyState->setWordWrap(true);
  m_emptyState->setFrameShape(QFrame::StyledPanel);
  m_emptyState->setMargin(8);

  m_dataBox = new QGroupBox(this);
  m_dataset = new QComboBox(m_dataBox);
  m_dataset->setObjectName(QStringLiteral("trainingDataset"));
  m_dataset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_dataset->setMinimumContentsLength(14);
  m_importButton = new QPushButton(m_dataBox);
  m_importButton->setObjectName(QStringLiteral("trainingImport"));
  m_datasetInfo = new QLabel(m_dataBox);
  m_datasetInfo->setObjectName(QStringLiteral("trainingDatasetInfo"));
  m_datasetInfo->setWordWrap(true);
  m_balancePlot = new QCustomPlot(m_dataBox);
  m_balancePlot->setObjectName(QStringLiteral("trainingBalancePlot"));
  m_balancePlot->setMinimumHeight(110);
  m_balancePlot->setMaximumHeight(140);
  setupPlot(m_balancePlot, palette());
  auto* dataRow = new QHBoxLayout;
  dataRow->addWidget(m_dataset, 1);
  dataRow->addWidget(m_importButton);
  auto* dataLayout = new QVBoxLayout(m_dataBox);
  dataLayout->addLayout(dataRow);
  dataLayout->addWidget(m_datasetInfo);
  dataLayout->addWidget(m_balancePlot);

  m_featuresBox = new QGroupBox(this);
  m_blockLabel = new QLabel(m_featuresBox);
  m_block = new QComboBox(m_featuresBox);
  m_block->setObjectName(QStringLiteral("trainingBlock"));
  m_blockParams = makeKeyValueTable(m_featuresBox);
  m_blockParams->setObjectName(QStringLiteral("trainingBlockParams"));
  m_blockParams->setMaximumHeight(120);
  m_blockParams->hide();  // shown for blocks that have parameters
  m_previewPlot = new QCustomPlot(m_featuresBox);
  m_previewPlot->setObjectName(QStringLiteral("trainingPreviewPlot"));
  m_previewPlot->setMinimumHeight(130);
  setupPlot(m_previewPlot, palette());
  auto* blockRow = new QHBoxLayout;
  blockRow->addWidget(m_blockLabel);
  blockRow->addWidget(m_block, 1);
  auto* featuresLayout = new QVBoxLayout(m_featuresBox);
  featuresLayout->addLayout(blockRow);
  featuresLayout->addWidget(m_blockParams);
  featuresLayout->addWidget(m_previewPlot);

  m_modelBox = new QGroupBox(this);
  m_family = new QComboBox(m_modelBox);
  m_family->setObjectName(QStringLiteral("trainingFamily"));
  for (const std::string& family : training::modelFamilies()) {
    m_family->addItem(qs(family), qs(family));
    m_family->setItemData(m_family->count() - 1, qs(training::familyDescription(family)),
                          Qt::ToolTipRole);
  }
  m_familyLabel = new QLabel(m_modelBox);
  m_epochs = new QSpinBox(m_modelBox);
  m_epochs->setObjectName(QStringLiteral("trainingEpochs"));
  m_epochs->setRange(1, 10000);
  m_epochsLabel = new QLabel(m_modelBox);
  m_lr = new QDoubleSpinBox(m_modelBox);
  m_lr->setObjectName(QStringLiteral("trainingLr"));
  m_lr->setDecimals(5);
  m_lr->setRange(1e-5, 10.0);
  m_lr->setSingleStep(0.0005);
  m_lrLabel = new QLabel(m_modelBox);
  m_batch = new QSpinBox(m_modelBox);
  m_batch->setObjectName(QStringLiteral("trainingBatch"));
  m_batch->setRange(1, 65536);
  m_batchLabel = new QLabel(m_modelBox);
  m_seed = new QSpinBox(m_modelBox);
  m_seed->setObjectName(QStringLiteral("trainingSeed"));
  m_seed->setRange(0, 999999);
  m_seed->setValue(42);
  m_seedLabel = new QLabel(m_modelBox);
  m_name = new QLineEdit(m_modelBox);
  m_name->setObjectName(QStringLiteral("trainingName"));
  m_nameLabel = new QLabel(m_modelBox);
  m_advancedToggle = new QPushButton(m_modelBox);
  m_advancedToggle->setCheckable(true);
  m_advancedToggle->setFlat(true);
  m_advanced = makeKeyValueTable(m_modelBox);
  m_advanced->setObjectName(QStringLiteral("trainingAdvanced"));
  m_advanced->setMaximumHeight(150);
  m_advanced->hide();
  connect(m_advancedToggle, &QPushButton::toggled, this, [this](bool open) {
    m_advanced->setVisible(open);
    m_advancedToggle->setText(advancedToggleText(open));
  });
  auto* modelForm = new QFormLayout;
  modelForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  modelForm->addRow(m_familyLabel, m_family);
  modelForm->addRow(m_epochsLabel, m_epochs);
  modelForm->addRow(m_lrLabel, m_lr);
  modelForm->addRow(m_batchLabel, m_batch);
  modelForm->addRow(m_seedLabel, m_seed);
  modelForm->addRow(m_nameLabel, m_name);
  auto* modelLayout = new QVBoxLayout(m_modelBox);
  modelLayout->addLayout(modelForm);
  modelLayout->addWidget(m_advancedToggle, 0, Qt::AlignLeft);
  modelLayout->addWidget(m_advanced);

  m_train = new QPushButton(this);
  m_train->setObjectName(QStringLiteral("trainButton"));
  m_train->setDefault(true);
  m_train->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
  m_search = new QPushButton(this);
  m_search->setObjectName(QStringLiteral("searchButton"));
  m_search->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
  m_cancel = new QPushButton(this);
  m_cancel->setObjectName(QStringLiteral("trainCancelButton"));
  m_cancel->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
  m_progress = new QProgressBar(this);
  m_progress->setObjectName(QStringLiteral("trainingProgress"));
  m_progress->setRange(0, 1000);
  m_progress->setValue(0);
  m_progress->setTextVisible(false);
  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("trainingStatus"));
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(m_train, 1);
  buttons->addWidget(m_search);
  buttons->addWidget(m_cancel);

  auto* setup = new QWidget;
  auto* setupLayout = new QVBoxLayout(setup);
  setupLayout->setContentsMargins(0, 0, 4, 0);
  setupLayout->addWidget(m_emptyState);
  setupLayout->addWidget(m_dataBox);
  setupLayout->addWidget(m_featuresBox);
  setupLayout->addWidget(m_modelBox);
  setupLayout->addLayout(buttons);
  setupLayout->addWidget(m_progress);
  setupLayout->addWidget(m_status);
  setupLayout->addStretch(1);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(setup);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setMinimumWidth(300);

  // ---- Curves, results, details ---------------------------------------------------------
  m_topTabs = new QTabWidget(this);
  m_topTabs->setObjectName(QStringLiteral("trainingTopTabs"));
  m_topTabs->setDocumentMode(true);
  m_curvesPage = new QWidget(m_topTabs);
  m_curves = new QCustomPlot(m_curvesPage);
  m_curves->setObjectName(QStringLiteral("trainingCurves"));
  m_curves->setMinimumHeight(200);
  setupPlot(m_curves, palette());
  m_curves->yAxis2->setVisible(true);
  m_curves->yAxis2->setRange(0, 1.02);
  // Epochs are whole numbers (a one-epoch history showed ticks at 0.6, 0.8, ...).
  auto epochTicker = QSharedPointer<QCPAxisTickerFixed>::create();
  epochTicker->setTickStep(1.0);
  epochTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
  m_curves->xAxis->setTicker(epochTicker);
  // The legend sits in a row under the plot: inside, it hides the first epochs' points.
  m_curves->legend->setVisible(true);
  m_curves->legend->setBorderPen(Qt::NoPen);
  m_curves->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
  m_curves->plotLayout()->addElement(1, 0, m_curves->legend);
  m_curves->plotLayout()->setRowStretchFactor(1, 0.001);
  const QColor trainColor(31, 119, 180), valColor(255, 127, 14);
  auto addGraph = [this](QCPAxis* y, QColor color, Qt::PenStyle style) {
    QCPGraph* g = m_curves->addGraph(m_curves->xAxis, y);
    g->setPen(QPen(color, 2, style));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    return g;
  };
  addGraph(m_curves->yAxis, trainColor, Qt::SolidLine);  // 0 train loss
  addGraph(m_curves->yAxis, valColor, Qt::SolidLine);    // 1 val loss
  addGraph(m_curves->yAxis2, trainColor, Qt::DashLine);  // 2 train accuracy
  addGraph(m_curves->yAxis2, valColor, Qt::DashLine);    // 3 val accuracy
  auto* curvesLayout = new QVBoxLayout(m_curvesPage);
  curvesLayout->setContentsMargins(4, 4, 4, 4);
  curvesLayout->addWidget(m_curves);
  m_searchView = new SearchTrialsView(m_topTabs);
  m_topTabs->addTab(m_curvesPage, QString());
  m_topTabs->addTab(m_searchView, QString());

  m_resultsBox = new QGroupBox(this);
  m_models = new ModelsTableModel(this);
  m_proxy = new QSortFilterProxyModel(this);
  m_proxy->setSourceModel(m_models);
  m_proxy->setSortRole(ModelsTableModel::SortRole);
  m_modelsView = new QTableView(m_resultsBox);
  m_modelsView->setObjectName(QStringLiteral("trainingModelsView"));
  m_modelsView->setModel(m_proxy);
  m_modelsView->setSortingEnabled(true);
  m_modelsView->sortByColumn(-1, Qt::AscendingOrder);  // registry order: newest first
  m_modelsView->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_modelsView->setSelectionMode(QAbstractItemView::SingleSelection);
  m_modelsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_modelsView->setAlternatingRowColors(true);
  m_modelsView->verticalHeader()->hide();
  m_modelsView->verticalHeader()->setDefaultSectionSize(m_modelsView->fontMetrics().height() + 6);
  m_modelsView->horizontalHeader()->setSectionResizeMode(ModelsTableModel::NameColumn,
                                                         QHeaderView::Stretch);
  m_modelsView->horizontalHeader()->setDefaultSectionSize(82);
  m_exportAction = new QAction(this);
  m_exportAction->setObjectName(QStringLiteral("trainingExportModel"));
  connect(m_exportAction, &QAction::triggered, this, [this] {
    const training::ModelRecord* record = m_models->record(m_models->rowOf(m_selectedId));
    if (!record) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Model File"),
                                                      qs(record->name) + QStringLiteral(".model"));
    if (!path.isEmpty()) exportModel(m_selectedId, path);
  });
  m_deleteAction = new QAction(this);
  m_deleteAction->setObjectName(QStringLiteral("trainingDeleteModel"));
  m_deleteAction->setShortcut(QKeySequence::Delete);
  m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
  connect(m_deleteAction, &QAction::triggered, this, [this] {
    const training::ModelRecord* record = m_models->record(m_models->rowOf(m_selectedId));
    if (!record) return;
    const auto answer =
        QMessageBox::question(this, tr("Delete Model"),
                              tr("Delete the model \"%1\" from the project? This cannot be undone.")
                                  .arg(qs(record->name)));
    if (answer == QMessageBox::Yes) deleteModel(m_selectedId);
  });
  m_modelsView->addAction(m_exportAction);
  m_modelsView->addAction(m_deleteAction);
  m_modelsView->setContextMenuPolicy(Qt::ActionsContextMenu);
  m_modelsEmpty = new QLabel(m_resultsBox);
  m_modelsEmpty->setObjectName(QStringLiteral("trainingModelsEmpty"));
  m_modelsEmpty->setWordWrap(true);
  m_modelsEmpty->setAlignment(Qt::AlignCenter);
  auto* resultsLayout = new QVBoxLayout(m_resultsBox);
  resultsLayout->setContentsMargins(4, 4, 4, 4);
  resultsLayout->addWidget(m_modelsEmpty);
  resultsLayout->addWidget(m_modelsView);
  connect(m_modelsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (!current.isValid()) return;
            showModel(m_proxy->data(current, ModelsTableModel::IdRole).toLongLong());
          });

  m_detailsBox = new QGroupBox(this);
  m_detailsTitle = new QLabel(m_detailsBox);
  m_detailsTitle->setObjectName(QStringLiteral("trainingDetailsTitle"));
  m_perClass = new QTableWidget(0, 5, m_detailsBox);
  m_perClass->setObjectName(QStringLiteral("trainingPerClass"));
  m_perClass->verticalHeader()->hide();
  m_perClass->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_perClass->setAlternatingRowColors(true);
  m_perClass->setSortingEnabled(false);
  m_perClass->verticalHeader()->setDefaultSectionSize(m_perClass->fontMetrics().height() + 4);
  m_perClass->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_perClass->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_perClass->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
  m_perClass->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Expanding);
  m_confusion = new ConfusionMatrixWidget(m_detailsBox);
  connect(m_confusion, &ConfusionMatrixWidget::cellClicked, this, &TrainingPane::listSamples);
  m_samplesTitle = new QLabel(m_detailsBox);
  m_samplesTitle->setObjectName(QStringLiteral("trainingSamplesTitle"));
  m_samplesTitle->setWordWrap(true);
  m_samples = new QListWidget(m_detailsBox);
  m_samples->setObjectName(QStringLiteral("trainingSamples"));
  m_samples->setViewMode(QListView::IconMode);
  m_samples->setIconSize(QSize(kThumb, kThumb));
  m_samples->setResizeMode(QListView::Adjust);
  m_samples->setMovement(QListView::Static);
  m_samples->setUniformItemSizes(true);
  m_samples->setMinimumWidth(150);
  auto* samplesCol = new QVBoxLayout;
  samplesCol->addWidget(m_samplesTitle);
  samplesCol->addWidget(m_samples, 1);
  auto* detailsSplit = new QHBoxLayout;
  detailsSplit->addWidget(m_perClass, 0);
  detailsSplit->addWidget(m_confusion, 5);
  detailsSplit->addLayout(samplesCol, 3);
  auto* detailsLayout = new QVBoxLayout(m_detailsBox);
  detailsLayout->setContentsMargins(4, 4, 4, 4);
  detailsLayout->addWidget(m_detailsTitle);
  detailsLayout->addLayout(detailsSplit, 1);

  auto* right = new QSplitter(Qt::Vertical, this);
  right->addWidget(m_topTabs);
  right->addWidget(m_resultsBox);
  right->addWidget(m_detailsBox);
  right->setStretchFactor(0, 3);
  right->setStretchFactor(1, 2);
  right->setStretchFactor(2, 4);
  right->setChildrenCollapsible(false);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->setObjectName(QStringLiteral("trainingSplitter"));
  split->addWidget(scroll);
  split->addWidget(right);
  split->setStretchFactor(0, 0);
  split->setStretchFactor(1, 1);
  split->setSizes({340, 900});
  split->setChildrenCollapsible(false);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(split);

  // ---- Behaviour ---------------------------------------------------------------------------
  connect(m_dataset, &QComboBox::currentIndexChanged, this, [this] { datasetChanged(); });
  connect(m_block, &QComboBox::currentIndexChanged, this, [this] { blockChanged(); });
  connect(m_blockParams, &QTableWidget::itemChanged, this, [this] { updatePreview(); });
  connect(m_family, &QComboBox::currentIndexChanged, this, [this] { familyChanged(); });
  connect(m_importButton, &QPushButton::clicked, this, [this] {
    auto* dialog = new ImportDatasetDialog(m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
  });
  connect(m_train, &QPushButton::clicked, this, [this] { startTraining(); });
  connect(m_cancel, &QPushButton::clicked, this, [this] { cancelTraining(); });
  connect(m_search, &QPushButton::clicked, this, [this] { searchWithDialog(); });
  auto* searchShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), this);
  searchShortcut->setContext(Qt::WidgetWithChildrenShortcut);
  connect(searchShortcut, &QShortcut::activated, this, [this] {
    if (m_search->isEnabled()) searchWithDialog();
  });
  auto* trainShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
  trainShortcut->setContext(Qt::WidgetWithChildrenShortcut);
  connect(trainShortcut, &QShortcut::activated, this, [this] {
    if (m_train->isEnabled()) startTraining();
  });
  auto* cancelShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
  cancelShortcut->setContext(Qt::WidgetWithChildrenShortcut);
  connect(cancelShortcut, &QShortcut::activated, this, [this] { cancelTraining(); });
  auto* trainShortcut2 = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this);
  trainShortcut2->setContext(Qt::WidgetWithChildrenShortcut);
  connect(trainShortcut2, &QShortcut::activated, trainShortcut, &QShortcut::activated);

  const int mlp = m_family->findData(QStringLiteral("mlp"));
  m_family->setCurrentIndex(mlp >= 0 ? mlp : 0);
  familyChanged();
}

void TrainingPane::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    // The table's headers change with the language ("Accuracy" -> "Genauigkeit"): size the
    // columns again once the model has its new headers.
    QTimer::singleShot(0, this, [this] {
      m_modelsView->resizeColumnsToContents();
      m_modelsView->horizontalHeader()->setSectionResizeMode(ModelsTableModel::NameColumn,
                                                             QHeaderView::Stretch);
    });
  }
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
    // A theme switch: the plots paint with colours taken from the palette at set-up.
    for (QCustomPlot* plot : {m_balancePlot, m_previewPlot, m_curves}) {
      setupPlot(plot, palette());
      plot->replot(QCustomPlot::rpQueuedReplot);
    }
    updatePreview();
  }
  QWidget::changeEvent(event);
}

void TrainingPane::retranslateUi() {
  m_dataBox->setTitle(tr("Data"));
  m_importButton->setText(tr("Import..."));
  m_importButton->setToolTip(tr("Import a dataset into the project (Ctrl+I)"));
  m_dataset->setToolTip(
      tr("The dataset to train on; it is split 70/15/15 into train, "
         "validation and test (stratified, by the seed)"));
  m_featuresBox->setTitle(tr("Features"));
  m_blockLabel->setText(tr("Block:"));
  m_block->setToolTip(tr("The feature block that turns each sample into the model's input"));
  m_blockParams->setHorizontalHeaderLabels({tr("Parameter"), tr("Value")});
  m_modelBox->setTitle(tr("Model"));
  m_familyLabel->setText(tr("Family:"));
  m_epochsLabel->setText(tr("Epochs:"));
  m_epochs->setToolTip(tr("Passes over the training split"));
  m_lrLabel->setText(tr("Learning rate:"));
  m_batchLabel->setText(tr("Batch size:"));
  m_seedLabel->setText(tr("Seed:"));
  m_seed->setToolTip(tr("Seeds the split and the model: the same seed trains the same model"));
  m_nameLabel->setText(tr("Name:"));
  m_name->setPlaceholderText(tr("<family> on <dataset>"));
  m_advancedToggle->setText(advancedToggleText(m_advancedToggle->isChecked()));
  m_advanced->setHorizontalHeaderLabels({tr("Parameter"), tr("Value")});
  m_train->setText(tr("Train"));
  m_train->setToolTip(tr("Train a model with this setup and add it to the project (Ctrl+Return)"));
  m_cancel->setText(tr("Cancel"));
  m_cancel->setToolTip(tr("Stop training or the search; nothing is stored (Esc)"));
  m_topTabs->setTabText(0, tr("Training curves"));
  m_topTabs->setTabText(1, tr("Search trials"));
  if (m_lastSearch && !isSearching()) m_searchView->setSummary(searchSummaryText(*m_lastSearch));
  m_search->setText(tr("Search..."));
  m_search->setToolTip(
      tr("Search the family's hyper-parameters under a time budget and add the best model to "
         "the project (Ctrl+Shift+Return)"));
  m_curves->xAxis->setLabel(tr("epoch"));
  m_curves->yAxis->setLabel(tr("loss"));
  m_curves->yAxis2->setLabel(tr("accuracy"));
  m_curves->graph(0)->setName(tr("train loss"));
  m_curves->graph(1)->setName(tr("validation loss"));
  m_curves->graph(2)->setName(tr("train accuracy"));
  m_curves->graph(3)->setName(tr("validation accuracy"));
  m_curves->replot(QCustomPlot::rpQueuedReplot);
  m_resultsBox->setTitle(tr("Models"));
  m_exportAction->setText(tr("Export Model File..."));
  m_deleteAction->setText(tr("Delete Model"));
  m_modelsView->setToolTip(tr("Right-click a model to export or delete it"));
  m_modelsEmpty->setText(
      tr("No models yet. Pick a dataset and a model family, then press "
         "Train (Ctrl+Return)."));
  m_detailsBox->setTitle(tr("Selected model"));
  m_perClass->setHorizontalHeaderLabels(
      {tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
  m_confusion->setEmptyText(tr("Select a model above to see its confusion matrix."));
  m_samplesTitle->setText(tr("Click a cell of the confusion matrix to see its samples."));
  if (m_datasetInfoValue) datasetChanged();
  updateEnabled();
  // Texts made from the selected model and the clicked cell.
  if (m_selectedId) {
    const int t = m_confusion->selectedTrue(), p = m_confusion->selectedPredicted();
    showModel(m_selectedId);
    if (t >= 0 && p >= 0) m_confusion->selectCell(t, p);
  }
}

QString TrainingPane::statusText() const {
  return m_status->text();
}

void TrainingPane::refresh() {
  reloadDatasets();
  reloadModels();
}

void TrainingPane::reloadDatasets() {
  const QString current = m_dataset->currentText();
  m_datasets.clear();
  if (store::Project* project = m_workspace.project()) {
    dataset::DatasetRepository repo(*project);
    auto list = repo.list();
    if (list.ok()) {
      for (const dataset::DatasetInfo& info : list.value())
        m_datasets.push_back({info.id, qs(info.name)});
    } else {
      m_status->setText(qs(list.error().toString()));
    }
  }
  {
    const QSignalBlocker blocker(m_dataset);
    m_dataset->clear();
    for (const DatasetEntry& entry : m_datasets)
      m_dataset->addItem(entry.name, qlonglong(entry.id));
    const int keep = m_dataset->findText(current);
    m_dataset->setCurrentIndex(keep >= 0 ? keep : (m_dataset->count() > 0 ? 0 : -1));
  }
  datasetChanged();
}

void TrainingPane::reloadModels(int64_t select) {
  std::vector<training::ModelRecord> records;
  if (store::Project* project = m_workspace.project()) {
    training::ModelRegistry registry(*project);
    auto list = registry.list();
    if (list.ok())
      records = std::move(list.value());
    else
      m_status->setText(qs(list.error().toString()));
  }
  const int64_t keep = select ? select : m_selectedId;
  m_models->setModels(std::move(records));
  m_modelsEmpty->setVisible(m_models->rowCount() == 0);
  m_modelsView->setVisible(m_models->rowCount() > 0);
  m_modelsView->resizeColumnsToContents();
  m_modelsView->horizontalHeader()->setSectionResizeMode(ModelsTableModel::NameColumn,
                                                         QHeaderView::Stretch);
  if (keep && selectModel(keep)) return;
  m_selectedId = 0;
  if (m_models->rowCount() > 0) {
    selectModel(m_models->models().front().id);
  } else {
    m_perClass->setRowCount(0);
    m_perClass->hide();
    m_samples->hide();
    m_samplesTitle->hide();
    m_confusion->setMatrix({}, {});
    m_samples->clear();
    m_listedIds.clear();
    m_detailsTitle->clear();
  }
}

void TrainingPane::datasetChanged() {
  m_datasetInfoValue.reset();
  m_sampleIdsInOrder.clear();
  m_classCounts.clear();
  store::Project* project = m_workspace.project();
  const int index = m_dataset->currentIndex();
  if (project && index >= 0) {
    dataset::DatasetRepository repo(*project);
    auto info = repo.get(m_dataset->currentData().toLongLong());
    auto labels = info.ok() ? repo.labels(info.value().id)
                            : Result<std::vector<dataset::SampleLabel>>(info.error());
    if (info.ok() && labels.ok()) {
      m_datasetInfoValue = info.value();
      m_classCounts.assign(info.value().classNames.size(), 0);
      for (const dataset::SampleLabel& l : labels.value()) {
        m_sampleIdsInOrder.push_back(l.id);
        if (l.label >= 0 && l.label < static_cast<int>(m_classCounts.size()))
          ++m_classCounts[size_t(l.label)];
      }
    } else {
      m_status->setText(qs((info.ok() ? labels.error() : info.error()).toString()));
    }
  }
  if (m_datasetInfoValue) {
    const dataset::DatasetInfo& info = *m_datasetInfoValue;
    QString shape;
    switch (info.kind) {
      case dataset::DatasetKind::Image:
        shape = tr("images %1 x %2 x %3")
                    .arg(info.imageWidth)
                    .arg(info.imageHeight)
                    .arg(info.imageChannels);
        break;
      case dataset::DatasetKind::Audio:
        shape = tr("audio at %1 Hz").arg(info.audioRateHz);
        break;
      case dataset::DatasetKind::Tabular:
        shape = tr("%n feature(s) per row", nullptr, info.featureDims);
        break;
      case dataset::DatasetKind::Timeseries:
        shape = tr("time series");
        break;
    }
    m_datasetInfo->setText(tr("%1 samples, %2 classes; %3")
                               .arg(QLocale().toString(qlonglong(m_sampleIdsInOrder.size())))
                               .arg(info.classNames.size())
                               .arg(shape));
    m_datasetInfo->setToolTip(tr("Imported from %1").arg(qs(info.source)));
  } else {
    m_datasetInfo->setText(QString());
  }
  updateBalancePlot();
  // Empty axes say nothing: the plots appear with something to show.
  m_balancePlot->setVisible(m_datasetInfoValue.has_value());
  m_previewPlot->setVisible(m_datasetInfoValue.has_value());

  // Blocks that fit this kind of data; keep the current one when it still fits.
  const QString currentBlock = m_block->currentData().toString();
  {
    const QSignalBlocker blocker(m_block);
    m_block->clear();
    if (m_datasetInfoValue) {
      for (const std::string& id : training::featureBlocksFor(m_datasetInfoValue->kind)) {
        m_block->addItem(id.empty() ? tr("default for this data") : qs(id), qs(id));
      }
    }
    const int keep = m_block->findData(currentBlock);
    m_block->setCurrentIndex(keep >= 0 ? keep : (m_block->count() ? 0 : -1));
  }
  blockChanged();
  updateEnabled();
}

void TrainingPane::updateBalancePlot() {
  m_balancePlot->clearPlottables();
  if (!m_datasetInfoValue || m_classCounts.empty()) {
    m_balancePlot->replot(QCustomPlot::rpQueuedReplot);
    return;
  }
  auto* bars = new QCPBars(m_balancePlot->xAxis, m_balancePlot->yAxis);
  bars->setPen(Qt::NoPen);
  bars->setBrush(QColor(31, 119, 180));
  bars->setWidth(0.7);
  QVector<double> keys, values;
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  double maxCount = 1;
  const int n = static_cast<int>(m_classCounts.size());
  // Show every name while they fit, else every k-th (long class lists stay readable).
  const int step = std::max(1, n / 12);
  for (int i = 0; i < n; ++i) {
    keys << i;
    values << double(m_classCounts[size_t(i)]);
    maxCount = std::max(maxCount, double(m_classCounts[size_t(i)]));
    if (i % step == 0) ticker->addTick(i, qs(m_datasetInfoValue->classNames[size_t(i)]));
  }
  bars->setData(keys, values, true);
  m_balancePlot->xAxis->setTicker(ticker);
  m_balancePlot->xAxis->setSubTicks(false);
  m_balancePlot->xAxis->setTickLength(0, 3);
  m_balancePlot->xAxis->setRange(-0.6, n - 0.4);
  m_balancePlot->yAxis->setRange(0, maxCount * 1.1);
  m_balancePlot->yAxis->setLabel(tr("samples"));
  m_balancePlot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingPane::blockChanged() {
  QSignalBlocker blocker(m_blockParams);
  m_blockParams->setRowCount(0);
  std::string id = m_block->currentData().toString().toStdString();
  if (id.empty() || !m_datasetInfoValue) {
    m_blockParams->hide();
    blocker.unblock();
    updatePreview();
    return;
  }
  features::Params required;
  if (id == "image") {
    required["in_width"] = m_datasetInfoValue->imageWidth;
    required["in_height"] = m_datasetInfoValue->imageHeight;
  }
  auto block = features::BlockRegistry::instance().create(id, required);
  if (block.ok()) {
    for (const auto& [key, value] : block.value()->params()) {
      if (required.count(key)) continue;  // follows the dataset, not the user
      const int row = m_blockParams->rowCount();
      m_blockParams->insertRow(row);
      auto* keyItem = new QTableWidgetItem(qs(key));
      keyItem->setFlags(keyItem->flags() & ~Qt::ItemIsEditable);
      m_blockParams->setItem(row, 0, keyItem);
      m_blockParams->setItem(row, 1, new QTableWidgetItem(QString::number(value, 'g', 8)));
    }
  }
  m_blockParams->setVisible(m_blockParams->rowCount() > 0);
  blocker.unblock();
  updatePreview();
}

features::Params TrainingPane::blockOverrides() const {
  features::Params params;
  for (int row = 0; row < m_blockParams->rowCount(); ++row) {
    bool ok = false;
    const double value = m_blockParams->item(row, 1)->text().toDouble(&ok);
    if (ok) params[m_blockParams->item(row, 0)->text().toStdString()] = value;
  }
  const std::string id = m_block->currentData().toString().toStdString();
  if (id == "image" && m_datasetInfoValue) {
    params["in_width"] = m_datasetInfoValue->imageWidth;
    params["in_height"] = m_datasetInfoValue->imageHeight;
  }
  return params;
}

void TrainingPane::updatePreview() {
  QCustomPlot* plot = m_previewPlot;
  plot->clearPlottables();
  plot->clearItems();
  plot->yAxis->setRangeReversed(false);
  auto message = [plot](const QString& text) {
    auto* label = new QCPItemText(plot);
    label->position->setType(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(0.5, 0.5);
    label->setText(text);
    label->setColor(plot->palette().color(QPalette::PlaceholderText));
    plot->replot(QCustomPlot::rpQueuedReplot);
  };
  store::Project* project = m_workspace.project();
  if (!project || !m_datasetInfoValue || m_sampleIdsInOrder.empty()) {
    message(tr("No sample to preview"));
    return;
  }
  auto view = training::loadSampleView(*project, m_sampleIdsInOrder.front());
  if (!view.ok()) {
    message(qs(view.error().toString()));
    return;
  }
  const SampleWindow window = sampleWindow(view.value());
  if (window.samples == 0) {
    message(tr("This sample is empty"));
    return;
  }
  std::string id = m_block->currentData().toString().toStdString();
  const dataset::DatasetKind kind = m_datasetInfoValue->kind;
  features::Preview preview;
  if (id.empty() && kind == dataset::DatasetKind::Audio) id = "mfcc";
  if (id.empty() && kind == dataset::DatasetKind::Timeseries) id = "raw";
  if (id.empty() && kind == dataset::DatasetKind::Image) {
    // The default input is the image itself: show channel 0 of it.
    preview.title = tr("pixels").toStdString();
    preview.rows = view.value().image.rows;
    preview.cols = view.value().image.cols;
    for (int i = 0; i < window.samples; ++i)
      preview.grid.push_back(window.values[size_t(i) * window.channels]);
  } else if (id.empty()) {
    preview.title = tr("features").toStdString();
    for (int i = 0; i < window.samples; ++i) preview.x.push_back(i);
    preview.series.emplace_back(window.values.begin(), window.values.end());
    preview.xLabel = tr("feature").toStdString();
  } else {
    features::Params params = blockOverrides();
    if (id == "image") {
      params["in_width"] = m_datasetInfoValue->imageWidth;
      params["in_height"] = m_datasetInfoValue->imageHeight;
    }
    auto block = features::BlockRegistry::instance().create(id, params);
    if (!block.ok()) {
      message(qs(block.error().toString()));
      return;
    }
    auto made = block.value()->preview(window.values.data(), window.samples, window.channels,
                                       window.rateHz);
    if (!made.ok()) {
      message(qs(made.error().toString()));
      return;
    }
    preview = std::move(made.value());
  }

  plot->xAxis->setLabel(qs(preview.xLabel));
  plot->yAxis->setLabel(qs(preview.yLabel));
  if (preview.rows > 0 && preview.cols > 0 && !preview.grid.empty()) {
    auto* map = new QCPColorMap(plot->xAxis, plot->yAxis);
    map->data()->setSize(preview.cols, preview.rows);
    map->data()->setRange(QCPRange(0, preview.cols - 1), QCPRange(0, preview.rows - 1));
    for (int r = 0; r < preview.rows; ++r)
      for (int c = 0; c < preview.cols; ++c)
        map->data()->setCell(c, r, preview.grid[size_t(r) * preview.cols + c]);
    const bool image = kind == dataset::DatasetKind::Image;
    map->setGradient(image ? QCPColorGradient::gpGrayscale : QCPColorGradient::gpThermal);
    map->setInterpolate(false);
    map->rescaleDataRange(true);
    // Images read top-down; spectrogram-like grids keep band 0 at the bottom.
    plot->yAxis->setRangeReversed(image);
    plot->rescaleAxes();
  } else {
    static const QColor kColors[] = {QColor(31, 119, 180),  QColor(255, 127, 14),
                                     QColor(44, 160, 44),   QColor(214, 39, 40),
                                     QColor(148, 103, 189), QColor(140, 86, 75)};
    for (size_t s = 0; s < preview.series.size(); ++s) {
      QCPGraph* g = plot->addGraph();
      g->setPen(QPen(kColors[s % 6], 1.5));
      QVector<double> x, y;
      for (size_t i = 0; i < preview.series[s].size(); ++i) {
        x << (i < preview.x.size() ? preview.x[i] : double(i));
        y << preview.series[s][i];
      }
      g->setData(x, y, true);
    }
    plot->rescaleAxes();
  }
  plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingPane::familyChanged() {
  const std::string family = m_family->currentData().toString().toStdString();
  m_family->setToolTip(qs(training::familyDescription(family)));
  m_defaultParams = training::defaultHyperParams(family);
  auto number = [this](const QString& key, double fallback) {
    auto it = m_defaultParams.find(key.toStdString());
    bool ok = false;
    const double v = it == m_defaultParams.end() ? fallback : qs(it->second).toDouble(&ok);
    return ok ? v : fallback;
  };
  auto has = [this](const QString& key) { return m_defaultParams.count(key.toStdString()) > 0; };
  m_epochs->setValue(static_cast<int>(number(kKeyEpochs, 20)));
  m_lr->setValue(number(kKeyLr, 0.001));
  m_batch->setValue(static_cast<int>(number(kKeyBatch, 64)));
  for (auto [label, widget, key] :
       {std::tuple<QLabel*, QWidget*, QString>{m_epochsLabel, m_epochs, kKeyEpochs},
        {m_lrLabel, m_lr, kKeyLr},
        {m_batchLabel, m_batch, kKeyBatch}}) {
    label->setVisible(has(key));
    widget->setVisible(has(key));
  }
  m_advanced->setRowCount(0);
  for (const auto& [key, value] : m_defaultParams) {
    const QString k = qs(key);
    if (k == kKeyEpochs || k == kKeyLr || k == kKeyBatch) continue;
    const int row = m_advanced->rowCount();
    m_advanced->insertRow(row);
    auto* keyItem = new QTableWidgetItem(k);
    keyItem->setFlags(keyItem->flags() & ~Qt::ItemIsEditable);
    m_advanced->setItem(row, 0, keyItem);
    m_advanced->setItem(row, 1, new QTableWidgetItem(qs(value)));
  }
  m_advancedToggle->setEnabled(m_advanced->rowCount() > 0);
  updateEnabled();  // Search... is off for the ensemble
}

training::HyperParams TrainingPane::hyperParams() const {
  training::HyperParams params;
  auto has = [this](const QString& key) { return m_defaultParams.count(key.toStdString()) > 0; };
  if (has(kKeyEpochs)) params["epochs"] = std::to_string(m_epochs->value());
  if (has(kKeyLr)) params["lr"] = QString::number(m_lr->value(), 'g', 6).toStdString();
  if (has(kKeyBatch)) params["batch_size"] = std::to_string(m_batch->value());
  for (int row = 0; row < m_advanced->rowCount(); ++row) {
    const std::string key = m_advanced->item(row, 0)->text().toStdString();
    const std::string value = m_advanced->item(row, 1)->text().trimmed().toStdString();
    // Only what the user changed: the rest stays the family's default (and its lineage).
    auto it = m_defaultParams.find(key);
    if (it == m_defaultParams.end() || it->second != value) params[key] = value;
  }
  return params;
}

void TrainingPane::updateEnabled() {
  const bool project = m_workspace.project() != nullptr;
  const bool data = project && m_datasetInfoValue.has_value();
  const bool training = m_jobId != 0;
  if (!project) {
    m_emptyState->setText(
        tr("No project is open. Create or open one with File > New Project... or File > Open "
           "Project..."));
  } else if (m_datasets.empty()) {
    m_emptyState->setText(
        tr("This project has no datasets yet. Import one with File > Import Dataset... "
           "(Ctrl+I), e.g. OpenCV's digits.png."));
  }
  m_emptyState->setVisible(!project || m_datasets.empty());
  m_importButton->setEnabled(project);
  m_dataset->setEnabled(project && !training);
  m_featuresBox->setEnabled(data && !training);
  m_modelBox->setEnabled(data && !training);
  m_train->setEnabled(data && !training);
  m_search->setEnabled(data && !training &&
                       m_family->currentData().toString() != QStringLiteral("ensemble"));
  m_cancel->setEnabled(training);
  m_progress->setVisible(training);
}

bool TrainingPane::startTraining() {
  auto fail = [this](const QString& text) {
    m_status->setText(text);
    return false;
  };
  if (m_jobId != 0) return fail(tr("A training run is already going."));
  store::Project* project = m_workspace.project();
  if (!project) return fail(tr("Open or create a project first."));
  if (!m_datasetInfoValue) return fail(tr("Import a dataset first (File > Import Dataset...)."));

  training::TrainRequest request;
  request.datasetName = m_datasetInfoValue->name;
  request.family = m_family->currentData().toString().toStdString();
  request.params = hyperParams();
  request.seed = static_cast<uint64_t>(m_seed->value());
  request.prepare.split.seed = request.seed;
  request.prepare.features.blockId = m_block->currentData().toString().toStdString();
  if (!request.prepare.features.blockId.empty()) request.prepare.features.params = blockOverrides();
  request.name = m_name->text().trimmed().toStdString();

  // The worker's own connection, opened here while the GUI's project is surely alive and
  // used only by the worker (SQLite serialises; nothing else touches it).
  auto opened = project->openAnotherConnection();
  if (!opened.ok()) return fail(qs(opened.error().toString()));
  std::shared_ptr<store::Project> connection = std::move(opened.value());
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  std::shared_ptr<TrainingRelay> relay(new TrainingRelay,
                                       [](TrainingRelay* r) { r->deleteLater(); });
  connect(
      relay.get(), &TrainingRelay::epoch, this,
      [this](int epoch, int epochs, double trainLoss, double trainAcc, double valLoss,
             double valAcc) {
        addEpoch(epoch, epochs, trainLoss, trainAcc, valLoss, valAcc);
        Q_EMIT epochReported(epoch, epochs);
      },
      Qt::QueuedConnection);
  auto newId = std::make_shared<std::atomic<int64_t>>(0);

  for (int i = 0; i < m_curves->graphCount(); ++i) m_curves->graph(i)->data()->clear();
  m_curves->replot(QCustomPlot::rpQueuedReplot);

  const QString title = tr("Train %1 on %2").arg(qs(request.family), qs(request.datasetName));
  m_cancelFlag = cancel;
  m_jobId = JobManager::jobs().start(
      title, [connection, cancel, relay, request, newId](JobContext& context) -> Result<QString> {
        auto progress = [&](double fraction, const std::string& message,
                            const training::TrainProgress* epoch) {
          if (context.isCancelled()) cancel->store(true);
          context.setProgress(fraction, qs(message));
          if (epoch) {
            Q_EMIT relay->epoch(epoch->epoch, epoch->epochs, epoch->trainLoss, epoch->trainAccuracy,
                                epoch->valLoss, epoch->valAccuracy);
          }
        };
        if (context.isCancelled()) return JobContext::cancelledError();
        training::LabelSources labels;
        training::TrainRequest withReport = request;
        withReport.labelReport = &labels;
        Result<training::ModelRecord> record =
            training::trainAndRegister(*connection, withReport, progress, cancel.get());
        if (!record.ok()) {
          if (cancel->load() || context.isCancelled()) return JobContext::cancelledError();
          return record.error();
        }
        newId->store(record.value().id);
        QString summary = tr("Trained %1: test accuracy %2%, macro-F1 %3")
                              .arg(qs(record.value().name))
                              .arg(record.value().metrics.accuracy * 100.0, 0, 'f', 1)
                              .arg(record.value().metrics.macroF1, 0, 'f', 3);
        // Where annotators labeled the dataset in the Labeling pane, their labels were used.
        if (labels.any()) {
          summary += tr("; labels from the Labeling pane: %1 by annotators, %2 adjudicated, %3 "
                        "samples left out (unresolved disagreement or unknown class)")
                         .arg(labels.annotators)
                         .arg(labels.adjudicated)
                         .arg(labels.unresolved + labels.unknownClass);
        }
        return summary;
      });
  const int jobId = m_jobId;
  const int generation = m_generation;
  auto connectionHandle = std::make_shared<QMetaObject::Connection>();
  *connectionHandle =
      connect(&JobManager::jobs(), &JobManager::jobFinished, this,
              [this, jobId, generation, newId, connectionHandle](int id, JobState state,
                                                                 const QString& message) {
                if (id != jobId) return;
                disconnect(*connectionHandle);
                m_jobId = 0;
                m_cancelFlag.reset();
                const bool ok = state == JobState::Succeeded;
                m_status->setText(ok ? message
                                  : state == JobState::Cancelled
                                      ? tr("Training cancelled; nothing was stored.")
                                      : tr("Training failed: %1").arg(message));
                updateEnabled();
                const int64_t modelId = newId->load();
                // The model went into the project the run started in; another one may be open now.
                if (ok) reloadModels(generation == m_generation ? modelId : 0);
                Q_EMIT trainingFinished(ok, ok ? modelId : 0);
              });
  m_progress->setValue(0);
  m_status->setText(tr("Starting..."));
  updateEnabled();
  return true;
}

void TrainingPane::searchWithDialog() {
  if (m_jobId != 0) return;
  QSettings settings;
  m_searchSettings.method =
      settings.value(QStringLiteral("training/searchMethod"), m_searchSettings.method).toString();
  m_searchSettings.budgetSeconds =
      settings.value(QStringLiteral("training/searchBudget"), m_searchSettings.budgetSeconds)
          .toDouble();
  m_searchSettings.maxTrials =
      settings.value(QStringLiteral("training/searchTrials"), m_searchSettings.maxTrials).toInt();
  SearchDialog dialog(m_searchSettings, m_family->currentText(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  m_searchSettings = dialog.settings();
  // The next search starts from these, in this session and the next.
  settings.setValue(QStringLiteral("training/searchMethod"), m_searchSettings.method);
  settings.setValue(QStringLiteral("training/searchBudget"), m_searchSettings.budgetSeconds);
  settings.setValue(QStringLiteral("training/searchTrials"), m_searchSettings.maxTrials);
  startSearch(m_searchSettings);
}

void TrainingPane::searchProgressMessage(const QString& message) {
  // Only without a per-trial callback: the service's "trial N/M: val X" lines.
  if (m_searchLive) return;
  static const QRegularExpression trialLine(
      QStringLiteral("^trial (\\d+)(?:/\\d+)?: (?:val ([0-9]*\\.?[0-9]+)|failed: (.*))$"));
  const QRegularExpressionMatch match = trialLine.match(message);
  if (!match.hasMatch()) return;
  const int n = match.captured(1).toInt();
  if (n <= m_searchSeen) return;
  m_searchSeen = n;
  // Parameters, seconds and resources come with the outcome; the score is known now.
  addSearchTrial(QString(), match.captured(2).toDouble(), 0.0, 1.0, 0, match.captured(3));
}

void TrainingPane::addSearchTrial(const QString& params, double valScore, double seconds,
                                  double resource, int rung, const QString& error) {
  SearchTrialRow row;
  row.params = params;
  row.valScore = valScore;
  row.seconds = seconds;
  row.resource = resource;
  row.rung = rung;
  row.error = error;
  m_searchView->addTrial(row);
  Q_EMIT searchTrialReported(m_searchView->trialCount());
}

bool TrainingPane::startSearch(const SearchSettings& settings) {
  auto fail = [this](const QString& text) {
    m_status->setText(text);
    return false;
  };
  if (m_jobId != 0) return fail(tr("A training run is already going."));
  store::Project* project = m_workspace.project();
  if (!project) return fail(tr("Open or create a project first."));
  if (!m_datasetInfoValue) return fail(tr("Import a dataset first (File > Import Dataset...)."));

  training::SearchRequest request;
  request.datasetName = m_datasetInfoValue->name;
  request.family = m_family->currentData().toString().toStdString();
  request.method = settings.method == QStringLiteral("halving") ? "halving" : "random";
  request.budgetSeconds = settings.budgetSeconds;
  request.maxTrials = settings.maxTrials;
  request.seed = static_cast<uint64_t>(m_seed->value());
  request.prepare.split.seed = request.seed;
  request.prepare.features.blockId = m_block->currentData().toString().toStdString();
  if (!request.prepare.features.blockId.empty()) request.prepare.features.params = blockOverrides();
  request.name = m_name->text().trimmed().toStdString();
  // The names of the searched parameters (the shape only changes fixed values).
  // Without them (a family that needs the data's shape to answer) every parameter is shown.
  m_searchedKeys.clear();
  std::vector<int> shape;
  if (m_datasetInfoValue->kind == dataset::DatasetKind::Image)
    shape = {m_datasetInfoValue->imageChannels, m_datasetInfoValue->imageHeight,
             m_datasetInfoValue->imageWidth};
  auto space = training::defaultSearchSpace(request.family, shape);
  if (space.ok()) {
    for (const training::ParamRange& range : space.value().ranges)
      m_searchedKeys.push_back(range.name);
  }

  auto opened = project->openAnotherConnection();
  if (!opened.ok()) return fail(qs(opened.error().toString()));
  std::shared_ptr<store::Project> connection = std::move(opened.value());
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  std::shared_ptr<TrainingRelay> relay(new TrainingRelay,
                                       [](TrainingRelay* r) { r->deleteLater(); });
  connect(relay.get(), &TrainingRelay::trial, this, &TrainingPane::addSearchTrial,
          Qt::QueuedConnection);
  connect(
      relay.get(), &TrainingRelay::epoch, this,
      [this](int epoch, int epochs, double trainLoss, double trainAcc, double valLoss,
             double valAcc) { addEpoch(epoch, epochs, trainLoss, trainAcc, valLoss, valAcc); },
      Qt::QueuedConnection);
  // The worker formats the parameters with the keys fixed here (no pane state on its thread).
  const std::vector<std::string> keys = m_searchedKeys;
  auto format = [keys](const training::HyperParams& params) {
    QStringList parts;
    for (const auto& entry : params) {
      if (!keys.empty() && std::find(keys.begin(), keys.end(), entry.first) == keys.end()) continue;
      const auto* it = &entry;
      bool number = false;
      const double v = qs(it->second).toDouble(&number);
      parts << qs(it->first) + QLatin1Char('=') +
                   (number && qs(it->second).contains(QLatin1Char('.')) ? QString::number(v, 'g', 4)
                                                                        : qs(it->second));
    }
    return parts.join(QStringLiteral(", "));
  };
  m_searchLive = setTrialCallback(
      request,
      [relay, format](const auto& trial) {
        Q_EMIT relay->trial(format(trial.params), trialScore(trial), trial.seconds, trial.resource,
                            trial.rung, qs(trial.error));
      },
      0);
  m_searchSeen = 0;
  auto outcome = std::make_shared<std::optional<training::SearchOutcome>>();

  m_searchView->clear();
  m_searchView->setSummary(
      tr("Searching %1 on %2 (%3, %4 s, at most %n trial(s))...", nullptr, request.maxTrials)
          .arg(qs(request.family), qs(request.datasetName),
               settings.method == QStringLiteral("halving") ? tr("successive halving")
                                                            : tr("random search"))
          .arg(settings.budgetSeconds));
  m_topTabs->setCurrentWidget(m_searchView);
  for (int i = 0; i < m_curves->graphCount(); ++i) m_curves->graph(i)->data()->clear();
  m_curves->replot(QCustomPlot::rpQueuedReplot);

  const QString title = tr("Search %1 on %2").arg(qs(request.family), qs(request.datasetName));
  m_cancelFlag = cancel;
  m_jobIsSearch = true;
  m_jobId = JobManager::jobs().start(
      title, [connection, cancel, relay, request, outcome](JobContext& context) -> Result<QString> {
        auto progress = [&](double fraction, const std::string& message,
                            const training::TrainProgress* epoch) {
          if (context.isCancelled()) cancel->store(true);
          context.setProgress(fraction, qs(message));
          if (epoch) {
            Q_EMIT relay->epoch(epoch->epoch, epoch->epochs, epoch->trainLoss, epoch->trainAccuracy,
                                epoch->valLoss, epoch->valAccuracy);
          }
        };
        if (context.isCancelled()) return JobContext::cancelledError();
        Result<training::SearchOutcome> result =
            training::searchAndRegister(*connection, request, progress, cancel.get());
        if (!result.ok()) {
          if (cancel->load() || context.isCancelled()) return JobContext::cancelledError();
          return result.error();
        }
        const QString text = searchSummaryText(result.value());
        *outcome = std::move(result.value());
        return text;
      });
  const int jobId = m_jobId;
  const int generation = m_generation;
  auto handle = std::make_shared<QMetaObject::Connection>();
  *handle = connect(&JobManager::jobs(), &JobManager::jobFinished, this,
                    [this, jobId, generation, outcome, handle, format](int id, JobState state,
                                                                       const QString& message) {
                      if (id != jobId) return;
                      disconnect(*handle);
                      m_jobId = 0;
                      m_jobIsSearch = false;
                      m_cancelFlag.reset();
                      const bool ok = state == JobState::Succeeded && outcome->has_value();
                      m_status->setText(ok ? message
                                        : state == JobState::Cancelled
                                            ? tr("Search cancelled; nothing was stored.")
                                            : tr("Search failed: %1").arg(message));
                      updateEnabled();
                      if (!ok) {
                        m_searchView->setSummary(m_status->text());
                        Q_EMIT searchFinished(false, 0, m_searchView->trialCount());
                        return;
                      }
                      const training::SearchOutcome& o = **outcome;
                      if (generation != m_generation) {  // another project is open now
                        Q_EMIT searchFinished(true, o.best.id, static_cast<int>(o.trials.size()));
                        return;
                      }
                      // The final list replaces the live rows (same trials, with every detail).
                      std::vector<SearchTrialRow> rows;
                      for (const training::SearchTrialInfo& t : o.trials) {
                        SearchTrialRow row;
                        row.params = format(t.params);
                        row.valScore = t.valScore;
                        row.seconds = t.seconds;
                        row.resource = t.resource;
                        row.rung = t.rung;
                        row.error = qs(t.error);
                        rows.push_back(std::move(row));
                      }
                      m_searchView->setTrials(rows, o.bestTrial);
                      m_lastSearch = o;
                      m_searchView->setSummary(searchSummaryText(*m_lastSearch));
                      const int64_t modelId = o.best.id;
                      reloadModels(modelId);
                      Q_EMIT searchFinished(true, modelId, static_cast<int>(rows.size()));
                    });
  m_progress->setValue(0);
  m_status->setText(tr("Starting..."));
  updateEnabled();
  return true;
}

bool TrainingPane::deleteModel(int64_t modelId) {
  store::Project* project = m_workspace.project();
  if (!project) return false;
  training::ModelRegistry registry(*project);
  Result<void> removed = registry.remove(modelId);
  if (!removed.ok()) {
    m_status->setText(qs(removed.error().toString()));
    return false;
  }
  m_evaluations.erase(modelId);
  if (m_selectedId == modelId) m_selectedId = 0;
  reloadModels();
  m_status->setText(tr("Model deleted."));
  return true;
}

bool TrainingPane::exportModel(int64_t modelId, const QString& path) {
  store::Project* project = m_workspace.project();
  if (!project) return false;
  training::ModelRegistry registry(*project);
  Result<void> written = registry.exportFile(modelId, path.toStdString());
  m_status->setText(written.ok() ? tr("Model written to %1").arg(path)
                                 : qs(written.error().toString()));
  return written.ok();
}

void TrainingPane::cancelTraining() {
  if (m_jobId == 0) return;
  if (m_cancelFlag) m_cancelFlag->store(true);
  JobManager::jobs().cancel(m_jobId);
  m_status->setText(tr("Cancelling..."));
}

void TrainingPane::addEpoch(int epoch, int epochs, double trainLoss, double trainAcc,
                            double valLoss, double valAcc) {
  const double values[4] = {trainLoss, valLoss, trainAcc, valAcc};
  for (int i = 0; i < 4; ++i)
    if (std::isfinite(values[i])) m_curves->graph(i)->addData(epoch, values[i]);
  bool found = false;
  QCPRange loss = m_curves->graph(0)->getValueRange(found);
  bool foundVal = false;
  const QCPRange vloss = m_curves->graph(1)->getValueRange(foundVal);
  if (foundVal)
    loss = found ? QCPRange(std::min(loss.lower, vloss.lower), std::max(loss.upper, vloss.upper))
                 : vloss;
  m_curves->xAxis->setRange(0.5, std::max(epochs, epoch) + 0.5);
  if (found || foundVal) m_curves->yAxis->setRange(0, std::max(1e-6, loss.upper * 1.08));
  m_curves->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingPane::showHistory(const std::vector<training::TrainProgress>& history) {
  for (int i = 0; i < m_curves->graphCount(); ++i) m_curves->graph(i)->data()->clear();
  int epochs = 1;
  for (const training::TrainProgress& p : history) epochs = std::max(epochs, p.epoch);
  for (const training::TrainProgress& p : history)
    addEpoch(p.epoch, epochs, p.trainLoss, p.trainAccuracy, p.valLoss, p.valAccuracy);
  m_curves->replot(QCustomPlot::rpQueuedReplot);
}

bool TrainingPane::selectModel(int64_t modelId) {
  const int row = m_models->rowOf(modelId);
  if (row < 0) return false;
  const QModelIndex index = m_proxy->mapFromSource(m_models->index(row, 0));
  m_modelsView->selectionModel()->setCurrentIndex(
      index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  m_modelsView->scrollTo(index);
  if (m_selectedId != modelId) showModel(modelId);
  return true;
}

void TrainingPane::showModel(int64_t id) {
  const int row = m_models->rowOf(id);
  const training::ModelRecord* record = m_models->record(row);
  if (!record) return;
  m_selectedId = id;
  m_perClass->show();
  m_samples->show();
  m_samplesTitle->show();
  m_listedIds.clear();
  m_samples->clear();
  m_pendingTrue = m_pendingPred = -1;
  m_samplesTitle->setText(tr("Click a cell of the confusion matrix to see its samples."));
  const QLocale locale;
  m_detailsTitle->setText(
      tr("%1: test accuracy %2%, macro-F1 %3, %4 test samples")
          .arg(qs(record->name))
          .arg(locale.toString(record->metrics.accuracy * 100, 'f', 1))
          .arg(locale.toString(record->metrics.macroF1, 'f', 3))
          .arg(std::accumulate(
              record->metrics.perClass.begin(), record->metrics.perClass.end(), int64_t(0),
              [](int64_t s, const training::ClassMetrics& c) { return s + c.support; })));
  QStringList names;
  for (const std::string& n : record->classNames) names << qs(n);
  const auto& perClass = record->metrics.perClass;
  m_perClass->setRowCount(static_cast<int>(perClass.size()));
  for (size_t i = 0; i < perClass.size(); ++i) {
    const int r = static_cast<int>(i);
    m_perClass->setItem(
        r, 0, new QTableWidgetItem(i < size_t(names.size()) ? names[r] : QString::number(r)));
    const double values[3] = {perClass[i].precision, perClass[i].recall, perClass[i].f1};
    for (int c = 0; c < 3; ++c) {
      auto* item = new QTableWidgetItem(locale.toString(values[c], 'f', 3));
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      m_perClass->setItem(r, c + 1, item);
    }
    auto* support = new QTableWidgetItem(locale.toString(qlonglong(perClass[i].support)));
    support->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_perClass->setItem(r, 4, support);
  }
  m_confusion->setMatrix(record->metrics.confusion, names);
  showHistory(record->history);
}

void TrainingPane::startEvaluation(int64_t id) {
  if (m_evaluations.count(id) || m_evaluationJobs.count(id)) return;
  store::Project* project = m_workspace.project();
  if (!project) return;
  auto opened = project->openAnotherConnection();
  if (!opened.ok()) {
    m_samplesTitle->setText(qs(opened.error().toString()));
    return;
  }
  std::shared_ptr<store::Project> connection = std::move(opened.value());
  auto result = std::make_shared<std::optional<training::Evaluation>>();
  const training::ModelRecord* record = m_models->record(m_models->rowOf(id));
  const QString name = record ? qs(record->name) : QString::number(id);
  const int jobId = JobManager::jobs().start(
      tr("Evaluate %1").arg(name),
      [connection, id, result](JobContext& context) -> Result<QString> {
        std::atomic<bool> cancel{false};
        auto progress = [&](double f) {
          if (context.isCancelled()) cancel.store(true);
          context.setProgress(f);
        };
        // The latency was measured at training time; a short run is enough here.
        auto evaluation = training::evaluateModel(*connection, id, progress, &cancel, 0.02);
        if (!evaluation.ok()) return evaluation.error();
        const double accuracy = evaluation.value().metrics.accuracy;
        *result = std::move(evaluation.value());
        return tr("Test accuracy %1%").arg(accuracy * 100.0, 0, 'f', 1);
      });
  m_evaluationJobs[id] = jobId;
  const int generation = m_generation;
  auto handle = std::make_shared<QMetaObject::Connection>();
  *handle = connect(&JobManager::jobs(), &JobManager::jobFinished, this,
                    [this, jobId, generation, id, result, handle](int job, JobState state,
                                                                  const QString& message) {
                      if (job != jobId) return;
                      disconnect(*handle);
                      if (generation != m_generation) return;  // another project is open now
                      m_evaluationJobs.erase(id);
                      if (state != JobState::Succeeded || !result->has_value()) {
                        if (id == m_selectedId)
                          m_samplesTitle->setText(tr("Could not evaluate: %1").arg(message));
                        return;
                      }
                      m_evaluations[id] = std::move(**result);
                      Q_EMIT evaluationReady(id);
                      if (id == m_selectedId && m_pendingTrue >= 0)
                        listSamples(m_pendingTrue, m_pendingPred);
                    });
}

void TrainingPane::listSamples(int trueClass, int predicted) {
  m_samples->clear();
  m_listedIds.clear();
  const int64_t id = m_selectedId;
  const training::ModelRecord* record = m_models->record(m_models->rowOf(id));
  if (!record) return;
  auto className = [record](int c) {
    return c >= 0 && c < record->numClasses() ? qs(record->classNames[size_t(c)])
                                              : QString::number(c);
  };
  auto it = m_evaluations.find(id);
  if (it == m_evaluations.end()) {
    m_pendingTrue = trueClass;
    m_pendingPred = predicted;
    m_samplesTitle->setText(tr("Evaluating the model on its test split..."));
    startEvaluation(id);
    return;
  }
  m_pendingTrue = m_pendingPred = -1;
  const training::Evaluation& evaluation = it->second;
  for (size_t i = 0; i < evaluation.truth.size() && i < evaluation.predicted.size(); ++i) {
    if (evaluation.truth[i] == trueClass && evaluation.predicted[i] == predicted)
      m_listedIds.push_back(evaluation.sampleIds[i]);
  }
  const int count = static_cast<int>(m_listedIds.size());
  // "of class 8": with digit class names a bare "of 8" reads as a count.
  if (trueClass == predicted) {
    m_samplesTitle->setText(tr("%n test samples of class %1 classified correctly", nullptr, count)
                                .arg(className(trueClass)));
  } else {
    m_samplesTitle->setText(tr("%n test samples of class %1 predicted as %2", nullptr, count)
                                .arg(className(trueClass), className(predicted)));
  }
  store::Project* project = m_workspace.project();
  const QColor ink = palette().color(QPalette::Text);
  const QColor paper = palette().color(QPalette::Base);
  for (int i = 0; project && i < count && i < kMaxThumbnails; ++i) {
    auto view = training::loadSampleView(*project, m_listedIds[size_t(i)]);
    auto* item = new QListWidgetItem(QStringLiteral("#%1").arg(m_listedIds[size_t(i)]));
    item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(m_listedIds[size_t(i)]));
    if (view.ok()) {
      item->setIcon(
          QIcon(QPixmap::fromImage(renderSample(view.value(), QSize(kThumb, kThumb), ink, paper))));
      item->setToolTip(
          tr("Sample %1 from %2").arg(m_listedIds[size_t(i)]).arg(qs(view.value().source)));
    } else {
      item->setToolTip(qs(view.error().toString()));
    }
    m_samples->addItem(item);
  }
  if (count > kMaxThumbnails) {
    m_samplesTitle->setText(m_samplesTitle->text() + QLatin1Char(' ') +
                            tr("(the first %1 shown)").arg(kMaxThumbnails));
  }
  Q_EMIT samplesListed(trueClass, predicted, count);
}

}  // namespace edgewise::gui

#include "training_pane.moc"
