#include "app/workbench/panes/compression/compression_pane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolTip>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <map>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/pane_factory.h"
#include "app/workbench/panes/compression/variants_table_model.h"
#include "app/workbench/widgets/qcustomplot_include.h"
#include "app/workbench/workspace.h"
#include "core/store/project.h"
#include "core/training/service/compress_service.h"
#include "core/training/service/model_registry.h"
#include "core/training/service/train_service.h"

namespace edgewise::gui {

namespace {

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

constexpr int kIdRole = Qt::UserRole + 1;

// Default amount per method; a negative step means the method takes no amount.
struct AmountSpec {
  double value, min, max, step;
  int decimals;
};
AmountSpec amountFor(const QString& method) {
  if (method == QStringLiteral("prune")) return {0.8, 0.01, 0.99, 0.05, 2};
  if (method == QStringLiteral("prune-structured")) return {0.5, 0.01, 0.99, 0.05, 2};
  if (method == QStringLiteral("distill")) return {32, 2, 4096, 8, 0};
  if (method == QStringLiteral("lowrank")) return {0.9, 0.01, 512, 0.05, 2};
  return {0, 0, 0, -1, 0};
}
bool isQuantization(const QString& method) {
  return method == QStringLiteral("int8") || method == QStringLiteral("dynamic-int8") ||
         method == QStringLiteral("fp16");
}

const QColor kParentColor(0xe6, 0x7e, 0x22);
const QColor kVariantColor(0x1f, 0x77, 0xb4);
const QColor kFrontColor(0x2c, 0xa0, 0x2c);

}  // namespace

void registerCompressionPane() {
  PaneFactory factory;
  factory.id = QStringLiteral("compression");
  factory.title = [] { return CompressionPane::tr("Compression"); };
  factory.area = Qt::RightDockWidgetArea;
  factory.order = 40;
  factory.create = [](Workspace& workspace, QWidget* parent) -> QWidget* {
    return new CompressionPane(workspace, parent);
  };
  PaneRegistry::add(std::move(factory));
}

CompressionPane::CompressionPane(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace) {
  setObjectName(QStringLiteral("compressionPane"));
  buildUi();
  retranslateUi();
  connect(&m_workspace, &Workspace::projectChanged, this, [this] {
    ++m_generation;
    m_jobWarning.clear();
    refresh();
  });
  connect(&JobManager::jobs(), &JobManager::jobProgress, this,
          [this](int id, double fraction, const QString& message) {
            if (id != m_jobId) return;
            m_progress->setValue(static_cast<int>(fraction * 1000));
            if (!message.isEmpty()) setStatus(message);
          });
  refresh();
}

CompressionPane::~CompressionPane() {
  if (m_cancelFlag) m_cancelFlag->store(true);
}

void CompressionPane::buildUi() {
  // ---- Top: model picker and recipe -----------------------------------------------------
  m_parentLabel = new QLabel(this);
  m_parent = new QComboBox(this);
  m_parent->setObjectName(QStringLiteral("compressionParent"));
  m_parent->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_emptyState = new QLabel(this);
  m_emptyState->setObjectName(QStringLiteral("compressionEmptyState"));
  m_emptyState->setWordWrap(true);

  m_banner = new QLabel(this);
  m_banner->setObjectName(QStringLiteral("compressionBanner"));
  m_banner->setWordWrap(true);
  m_banner->setStyleSheet(
      QStringLiteral("QLabel { background: #fff3cd; color: #7a4b00; border: 1px solid #e0a800; "
                     "border-radius: 4px; padding: 6px; font-weight: bold; }"));
  m_banner->setVisible(false);

  m_methodLabel = new QLabel(this);
  m_method = new QComboBox(this);
  m_method->setObjectName(QStringLiteral("compressionMethod"));
  for (const auto& [method, description] : training::compressionMethods()) {
    // "prune:S" lists the method with its argument; the item's data is the bare name.
    const QString name = qs(method).section(u':', 0, 0);
    m_method->addItem(name, name);
    m_method->setItemData(m_method->count() - 1, qs(description), Qt::ToolTipRole);
  }
  m_amountLabel = new QLabel(this);
  m_amount = new QDoubleSpinBox(this);
  m_amount->setObjectName(QStringLiteral("compressionAmount"));
  m_thenInt8 = new QCheckBox(this);
  m_thenInt8->setObjectName(QStringLiteral("compressionThenInt8"));
  m_epochsLabel = new QLabel(this);
  m_epochs = new QSpinBox(this);
  m_epochs->setObjectName(QStringLiteral("compressionEpochs"));
  m_epochs->setRange(0, 1000);
  m_epochs->setValue(3);
  m_calibrationLabel = new QLabel(this);
  m_calibration = new QSpinBox(this);
  m_calibration->setObjectName(QStringLiteral("compressionCalibration"));
  m_calibration->setRange(1, 100000);
  m_calibration->setValue(256);
  m_recipeLabel = new QLabel(this);
  m_recipe = new QLineEdit(this);
  m_recipe->setObjectName(QStringLiteral("compressionRecipe"));
  m_compress = new QPushButton(this);
  m_compress->setObjectName(QStringLiteral("compressButton"));
  m_compress->setDefault(true);
  m_cancel = new QPushButton(this);
  m_cancel->setObjectName(QStringLiteral("compressionCancel"));
  m_progress = new QProgressBar(this);
  m_progress->setRange(0, 1000);
  m_progress->setVisible(false);
  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("compressionStatus"));
  m_status->setWordWrap(true);
  m_status->setVisible(false);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* pickRow = new QHBoxLayout;
  pickRow->addWidget(m_parentLabel);
  pickRow->addWidget(m_parent, 1);
  auto* recipeRow = new QHBoxLayout;
  recipeRow->addWidget(m_methodLabel);
  recipeRow->addWidget(m_method);
  recipeRow->addWidget(m_amountLabel);
  recipeRow->addWidget(m_amount);
  recipeRow->addWidget(m_thenInt8);
  recipeRow->addSpacing(12);
  recipeRow->addWidget(m_epochsLabel);
  recipeRow->addWidget(m_epochs);
  recipeRow->addWidget(m_calibrationLabel);
  recipeRow->addWidget(m_calibration);
  recipeRow->addStretch(1);
  auto* runRow = new QHBoxLayout;
  runRow->addWidget(m_recipeLabel);
  runRow->addWidget(m_recipe, 1);
  runRow->addWidget(m_compress);
  runRow->addWidget(m_cancel);
  runRow->addWidget(m_progress);

  // ---- Variants: tree | table over plot ---------------------------------------------------
  m_lineage = new QStandardItemModel(this);
  m_tree = new QTreeView(this);
  m_tree->setObjectName(QStringLiteral("compressionLineage"));
  m_tree->setModel(m_lineage);
  m_tree->setHeaderHidden(true);
  m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);

  m_variants = new VariantsTableModel(this);
  m_proxy = new QSortFilterProxyModel(this);
  m_proxy->setSourceModel(m_variants);
  m_proxy->setSortRole(VariantsTableModel::SortRole);
  m_table = new QTableView(this);
  m_table->setObjectName(QStringLiteral("compressionVariants"));
  m_table->setModel(m_proxy);
  m_table->setSortingEnabled(true);
  m_table->sortByColumn(VariantsTableModel::SizeColumn, Qt::DescendingOrder);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_table->setContextMenuPolicy(Qt::CustomContextMenu);
  m_table->verticalHeader()->setVisible(false);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setStretchLastSection(true);

  m_pareto = new QCustomPlot(this);
  m_pareto->setObjectName(QStringLiteral("compressionPareto"));
  m_pareto->setMinimumHeight(220);
  m_pareto->xAxis->setScaleType(QCPAxis::stLogarithmic);
  m_pareto->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
  m_pareto->setMouseTracking(true);

  auto* rightSplit = new QSplitter(Qt::Vertical, this);
  rightSplit->addWidget(m_table);
  rightSplit->addWidget(m_pareto);
  rightSplit->setStretchFactor(0, 2);
  rightSplit->setStretchFactor(1, 3);
  rightSplit->setSizes({400, 600});  // the table's size hint would take nearly all the height
  auto* variantsSplit = new QSplitter(Qt::Horizontal, this);
  variantsSplit->addWidget(m_tree);
  variantsSplit->addWidget(rightSplit);
  variantsSplit->setStretchFactor(0, 1);
  variantsSplit->setStretchFactor(1, 4);

  // ---- Compare ----------------------------------------------------------------------------
  auto* comparePage = new QWidget(this);
  m_compareALabel = new QLabel(comparePage);
  m_compareA = new QComboBox(comparePage);
  m_compareA->setObjectName(QStringLiteral("compareA"));
  m_compareBLabel = new QLabel(comparePage);
  m_compareB = new QComboBox(comparePage);
  m_compareB->setObjectName(QStringLiteral("compareB"));
  m_perClass = new QCustomPlot(comparePage);
  m_perClass->setObjectName(QStringLiteral("comparePerClass"));
  m_heat = new QCustomPlot(comparePage);
  m_heat->setObjectName(QStringLiteral("compareHeat"));
  m_sqnr = new QCustomPlot(comparePage);
  m_sqnr->setObjectName(QStringLiteral("compareSqnr"));
  for (QCustomPlot* p : {m_perClass, m_heat, m_sqnr}) p->setMinimumHeight(200);
  auto* chooseRow = new QHBoxLayout;
  chooseRow->addWidget(m_compareALabel);
  chooseRow->addWidget(m_compareA, 1);
  chooseRow->addWidget(m_compareBLabel);
  chooseRow->addWidget(m_compareB, 1);
  auto* plots = new QGridLayout;
  plots->addWidget(m_perClass, 0, 0, 1, 2);
  plots->addWidget(m_heat, 1, 0);
  plots->addWidget(m_sqnr, 1, 1);
  plots->setRowStretch(0, 1);
  plots->setRowStretch(1, 1);
  auto* compareLayout = new QVBoxLayout(comparePage);
  compareLayout->addLayout(chooseRow);
  compareLayout->addLayout(plots, 1);

  m_tabs = new QTabWidget(this);
  m_tabs->setObjectName(QStringLiteral("compressionTabs"));
  m_tabs->addTab(variantsSplit, QString());
  m_tabs->addTab(comparePage, QString());

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(pickRow);
  layout->addWidget(m_emptyState);
  layout->addLayout(recipeRow);
  layout->addLayout(runRow);
  layout->addWidget(m_status);
  layout->addWidget(m_banner);
  layout->addWidget(m_tabs, 1);

  // ---- Behaviour --------------------------------------------------------------------------
  connect(m_parent, &QComboBox::currentIndexChanged, this, [this] {
    if (!m_syncing) parentChanged();
  });
  connect(m_method, &QComboBox::currentIndexChanged, this, [this] { methodChanged(); });
  connect(m_amount, &QDoubleSpinBox::valueChanged, this, [this] { updateRecipeFromControls(); });
  connect(m_thenInt8, &QCheckBox::toggled, this, [this] { updateRecipeFromControls(); });
  connect(m_compress, &QPushButton::clicked, this, [this] { startCompression(); });
  connect(m_cancel, &QPushButton::clicked, this, [this] { cancelCompression(); });
  auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), this);
  shortcut->setContext(Qt::WidgetWithChildrenShortcut);
  connect(shortcut, &QShortcut::activated, this, [this] { startCompression(); });
  auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
  escape->setContext(Qt::WidgetWithChildrenShortcut);
  connect(escape, &QShortcut::activated, this, [this] { cancelCompression(); });

  connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
    if (m_syncing) return;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) return;
    selectVariant(rows.last().data(VariantsTableModel::IdRole).toLongLong());
  });
  connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
          [this](const QModelIndex& current) {
            if (m_syncing || !current.isValid()) return;
            selectVariant(current.data(kIdRole).toLongLong());
          });
  connect(m_table, &QWidget::customContextMenuRequested, this,
          [this](const QPoint& pos) { contextMenu(pos); });
  connect(m_pareto, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) { plotHover(e); });
  connect(m_pareto, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) { plotClick(e); });
  connect(m_compareA, &QComboBox::currentIndexChanged, this, [this] {
    if (!m_syncing) showCompare();
  });
  connect(m_compareB, &QComboBox::currentIndexChanged, this, [this] {
    if (!m_syncing) showCompare();
  });
  methodChanged();
}

void CompressionPane::retranslateUi() {
  m_parentLabel->setText(tr("Model:"));
  m_emptyState->setText(m_workspace.project()
                            ? tr("No trained model in this project yet. Train one in the "
                                 "Training pane, then compress it here.")
                            : tr("Open or create a project, train a model, then compress it "
                                 "here."));
  m_methodLabel->setText(tr("Method:"));
  m_amountLabel->setText(tr("Amount:"));
  m_thenInt8->setText(tr("then int8"));
  m_epochsLabel->setText(tr("Fine-tune epochs:"));
  m_epochs->setToolTip(tr("Pruning and low rank: epochs of fine-tuning; distillation: 0 means 30"));
  m_calibrationLabel->setText(tr("Calibration samples:"));
  m_calibration->setToolTip(tr("Rows of the training split used to calibrate static int8"));
  m_recipeLabel->setText(tr("Recipe:"));
  m_recipe->setPlaceholderText(tr("e.g. prune:0.8+int8"));
  m_compress->setText(tr("Compress"));
  m_compress->setToolTip(tr("Compress the model with this recipe (Ctrl+Shift+K)"));
  m_cancel->setText(tr("Cancel"));
  m_cancel->setToolTip(tr("Stop the running compression (Esc); nothing is stored"));
  m_tabs->setTabText(0, tr("Variants"));
  m_tabs->setTabText(1, tr("Compare"));
  m_compareALabel->setText(tr("A:"));
  m_compareBLabel->setText(tr("B:"));
  m_pareto->xAxis->setLabel(tr("p50 latency (\u00b5s, log)"));
  m_pareto->yAxis->setLabel(tr("Test accuracy (%)"));
  updatePlot();
  showCompare();
}

void CompressionPane::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void CompressionPane::setStatus(const QString& text, bool error) {
  m_lastStatus = text;
  m_status->setText(text);
  m_status->setVisible(!text.isEmpty());  // an empty word-wrapped label still takes a line
  m_status->setStyleSheet(error ? QStringLiteral("QLabel { color: #c62828; font-weight: bold; }")
                                : QString());
}

QString CompressionPane::statusText() const {
  return m_lastStatus;
}

QString CompressionPane::bannerText() const {
  return m_banner->isVisible() || !m_banner->isHidden() ? m_banner->text() : QString();
}

void CompressionPane::refresh() {
  reloadModels();
}

void CompressionPane::reloadModels(int64_t select) {
  m_all.clear();
  if (store::Project* project = m_workspace.project()) {
    training::ModelRegistry registry(*project);
    auto list = registry.list();
    if (list.ok())
      m_all = std::move(list.value());
    else
      setStatus(qs(list.error().toString()), true);
  }
  const int64_t keep = select != 0 ? lineageRoot(m_all, select) : parentModelId();
  m_syncing = true;
  m_parent->clear();
  for (const training::ModelRecord& r : m_all) {
    if (r.origin == "compressed") continue;
    m_parent->addItem(
        tr("%1 (%2, %3%)").arg(qs(r.name), qs(r.family)).arg(r.metrics.accuracy * 100.0, 0, 'f', 1),
        QVariant::fromValue<qlonglong>(r.id));
  }
  int index = m_parent->findData(QVariant::fromValue<qlonglong>(keep));
  if (index < 0 && m_parent->count() > 0) index = 0;
  m_parent->setCurrentIndex(index);
  m_syncing = false;
  m_emptyState->setVisible(m_parent->count() == 0);
  parentChanged();
  if (select != 0) selectVariant(select);
  updateEnabled();
}

int64_t CompressionPane::parentModelId() const {
  return m_parent->currentIndex() < 0 ? 0 : m_parent->currentData().toLongLong();
}

bool CompressionPane::selectParent(int64_t modelId) {
  const int index = m_parent->findData(QVariant::fromValue<qlonglong>(lineageRoot(m_all, modelId)));
  if (index < 0) return false;
  m_parent->setCurrentIndex(index);
  if (modelId != parentModelId()) selectVariant(modelId);
  return true;
}

void CompressionPane::parentChanged() {
  const int64_t root = parentModelId();
  const std::vector<training::ModelRecord> chain = lineageOf(m_all, root);
  std::map<int64_t, const training::ModelRecord*> byId;
  for (const training::ModelRecord& r : m_all) byId[r.id] = &r;
  std::vector<VariantInfo> variants;
  for (const training::ModelRecord& r : chain) {
    const training::ModelRecord* parent = nullptr;
    if (r.parentId && byId.count(*r.parentId)) parent = byId[*r.parentId];
    variants.push_back(variantFromRecord(r, parent));
  }
  m_syncing = true;
  m_variants->setVariants(variants);

  // Lineage tree.
  m_lineage->clear();
  std::map<int64_t, QStandardItem*> items;
  for (const VariantInfo& v : variants) {
    QString text = v.recipe.isEmpty() ? v.name : v.name + QStringLiteral("  [") + v.recipe + u']';
    if (std::isfinite(v.accuracyDeltaPoints))
      text += QStringLiteral("  %1%2 pts")
                  .arg(v.accuracyDeltaPoints >= 0 ? QStringLiteral("+") : QString())
                  .arg(v.accuracyDeltaPoints, 0, 'f', 1);
    auto* item = new QStandardItem(text);
    item->setData(QVariant::fromValue<qlonglong>(v.id), kIdRole);
    item->setToolTip(v.notes.join(QLatin1Char('\n')));
    if (!v.warnings.isEmpty()) item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    QStandardItem* parentItem =
        (v.parentId && items.count(*v.parentId)) ? items[*v.parentId] : nullptr;
    if (parentItem)
      parentItem->appendRow(item);
    else
      m_lineage->appendRow(item);
    items[v.id] = item;
  }
  m_tree->expandAll();

  // Compare choosers.
  const int64_t oldA = m_compareA->currentData().toLongLong();
  const int64_t oldB = m_compareB->currentData().toLongLong();
  m_compareA->clear();
  m_compareB->clear();
  for (const VariantInfo& v : variants) {
    const QString label = v.recipe.isEmpty() ? v.name : v.name;
    m_compareA->addItem(label, QVariant::fromValue<qlonglong>(v.id));
    m_compareB->addItem(label, QVariant::fromValue<qlonglong>(v.id));
  }
  int ia = m_compareA->findData(QVariant::fromValue<qlonglong>(oldA));
  int ib = m_compareB->findData(QVariant::fromValue<qlonglong>(oldB));
  m_compareA->setCurrentIndex(ia >= 0 ? ia : 0);
  m_compareB->setCurrentIndex(ib >= 0 ? ib : std::min(1, m_compareB->count() - 1));
  m_syncing = false;

  if (m_variants->rowOf(m_selectedId) < 0) m_selectedId = root;
  selectVariant(m_selectedId);
  updateBanner();
  showCompare();
}

void CompressionPane::methodChanged() {
  const QString method = m_method->currentData().toString();
  const AmountSpec spec = amountFor(method);
  const QSignalBlocker block(m_amount);
  m_amount->setEnabled(spec.step > 0);
  if (spec.step > 0) {
    m_amount->setDecimals(spec.decimals);
    m_amount->setRange(spec.min, spec.max);
    m_amount->setSingleStep(spec.step);
    m_amount->setValue(spec.value);
  } else {
    m_amount->setRange(0, 0);
    m_amount->setSpecialValueText(QStringLiteral("\u2013"));
  }
  m_thenInt8->setEnabled(!isQuantization(method));
  if (isQuantization(method)) m_thenInt8->setChecked(false);
  const bool tunes = method == QStringLiteral("prune") ||
                     method == QStringLiteral("prune-structured") ||
                     method == QStringLiteral("lowrank") || method == QStringLiteral("distill");
  m_epochs->setEnabled(tunes);
  // Distillation and gradual magnitude pruning (the sparsity ramps over 2/3 of the epochs)
  // need more than a few epochs; the bench meets its targets with 60 and 30.
  if (method == QStringLiteral("distill") && m_epochs->value() < 5) m_epochs->setValue(10);
  if (method == QStringLiteral("prune") && m_epochs->value() < 10) m_epochs->setValue(15);
  updateRecipeFromControls();
}

void CompressionPane::updateRecipeFromControls() {
  const QString method = m_method->currentData().toString();
  QString text = method;
  if (amountFor(method).step > 0) text += u':' + QString::number(m_amount->value(), 'g', 6);
  if (m_thenInt8->isChecked() && !isQuantization(method)) text += QStringLiteral("+int8");
  m_recipe->setText(text);
  m_calibration->setEnabled(text.contains(QStringLiteral("int8")) &&
                            !text.contains(QStringLiteral("dynamic-int8")));
}

QString CompressionPane::recipeText() const {
  return m_recipe->text().trimmed();
}
void CompressionPane::setRecipeText(const QString& recipe) {
  m_recipe->setText(recipe);
}

void CompressionPane::updateEnabled() {
  const bool running = m_jobId != 0;
  m_compress->setEnabled(!running && parentModelId() != 0);
  m_cancel->setEnabled(running);
  m_cancel->setVisible(running);
  m_progress->setVisible(running);
  m_parent->setEnabled(!running);
}

void CompressionPane::updateBanner() {
  QStringList lines;
  if (!m_jobWarning.isEmpty()) lines << m_jobWarning;
  if (const VariantInfo* v = m_variants->variantById(m_selectedId)) {
    for (const QString& w : v->warnings) {
      const QString line = tr("%1: %2").arg(v->name, w);
      if (!lines.contains(line) && !m_jobWarning.contains(w)) lines << line;
    }
  }
  m_banner->setText(lines.isEmpty()
                        ? QString()
                        : QStringLiteral("\u26a0 ") + lines.join(QStringLiteral("\n\u26a0 ")));
  m_banner->setVisible(!lines.isEmpty());
}

bool CompressionPane::selectVariant(int64_t modelId) {
  const int row = m_variants->rowOf(modelId);
  if (row < 0) return false;
  m_selectedId = modelId;
  const bool wasSyncing = m_syncing;
  m_syncing = true;
  const QModelIndex proxyIndex = m_proxy->mapFromSource(m_variants->index(row, 0));
  const QModelIndexList selected = m_table->selectionModel()->selectedRows();
  bool already = false;
  for (const QModelIndex& i : selected)
    if (i.row() == proxyIndex.row()) already = true;
  if (!already) {
    m_table->selectionModel()->select(
        proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(proxyIndex);
  }
  // The tree's item of that id.
  std::function<QModelIndex(const QModelIndex&)> find = [&](const QModelIndex& parent) {
    for (int r = 0; r < m_lineage->rowCount(parent); ++r) {
      const QModelIndex i = m_lineage->index(r, 0, parent);
      if (i.data(kIdRole).toLongLong() == modelId) return i;
      const QModelIndex below = find(i);
      if (below.isValid()) return below;
    }
    return QModelIndex();
  };
  const QModelIndex treeIndex = find(QModelIndex());
  if (treeIndex.isValid()) m_tree->setCurrentIndex(treeIndex);
  m_syncing = wasSyncing;
  updateBanner();
  updatePlot();
  return true;
}

std::vector<int64_t> CompressionPane::paretoIds() const {
  std::vector<ParetoPoint> points;
  std::vector<int64_t> ids;
  for (const VariantInfo& v : m_variants->variants()) {
    if (!(v.p50Us > 0)) continue;
    points.push_back({v.p50Us, v.accuracy});
    ids.push_back(v.id);
  }
  const std::vector<bool> front = paretoFront(points);
  std::vector<int64_t> out;
  for (size_t i = 0; i < ids.size(); ++i)
    if (front[i]) out.push_back(ids[i]);
  return out;
}

void CompressionPane::updatePlot() {
  m_pareto->clearGraphs();
  m_pareto->clearItems();
  m_points.clear();
  const std::vector<VariantInfo>& variants = m_variants->variants();
  std::vector<ParetoPoint> points;
  std::vector<const VariantInfo*> plotted;
  int64_t maxBytes = 1;
  for (const VariantInfo& v : variants) {
    if (!(v.p50Us > 0)) continue;  // a log axis cannot place it
    points.push_back({v.p50Us, v.accuracy});
    plotted.push_back(&v);
    maxBytes = std::max(maxBytes, v.sizeBytes);
  }
  const int64_t root = parentModelId();
  const std::vector<bool> front = paretoFront(points);
  double xmin = 1e300, xmax = 0, ymin = 100, ymax = 0;
  for (size_t i = 0; i < plotted.size(); ++i) {
    const VariantInfo& v = *plotted[i];
    // Area proportional to bytes: diameter ~ sqrt(bytes), 8..44 px.
    const double diameter =
        8.0 + 36.0 * std::sqrt(static_cast<double>(std::max<int64_t>(v.sizeBytes, 0)) /
                               static_cast<double>(maxBytes));
    QCPGraph* g = m_pareto->addGraph();
    g->setLineStyle(QCPGraph::lsNone);
    const bool isRoot = v.id == root;
    const bool selected = v.id == m_selectedId;
    QColor fill = isRoot ? kParentColor : kVariantColor;
    fill.setAlpha(selected ? 200 : 110);
    QPen pen(isRoot ? kParentColor.darker(140) : kVariantColor.darker(140));
    pen.setWidthF(selected ? 3.0 : (front[i] ? 1.8 : 1.0));
    if (selected) pen.setColor(Qt::black);
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, pen, QBrush(fill), diameter));
    g->addData(v.p50Us, 100.0 * v.accuracy);
    g->setName(v.name);
    m_points.push_back({v.id, v.p50Us, 100.0 * v.accuracy, diameter / 2.0});
    auto* label = new QCPItemText(m_pareto);
    label->position->setCoords(v.p50Us, 100.0 * v.accuracy);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    label->setPadding(QMargins(static_cast<int>(diameter / 2) + 2, 0, 0, 2));
    label->setText(isRoot ? v.name : (v.recipe.isEmpty() ? v.name : v.recipe));
    label->setFont(QFont(font().family(), std::max(7, font().pointSize() - 1)));
    label->setColor(isRoot ? kParentColor.darker(150) : QColor(0x33, 0x33, 0x33));
    xmin = std::min(xmin, v.p50Us);
    xmax = std::max(xmax, v.p50Us);
    ymin = std::min(ymin, 100.0 * v.accuracy);
    ymax = std::max(ymax, 100.0 * v.accuracy);
  }
  // The front as a step line: sorted by latency, accuracy holds until the next front point.
  std::vector<std::pair<double, double>> frontPoints;
  for (size_t i = 0; i < plotted.size(); ++i)
    if (front[i]) frontPoints.emplace_back(plotted[i]->p50Us, 100.0 * plotted[i]->accuracy);
  std::sort(frontPoints.begin(), frontPoints.end());
  if (!frontPoints.empty()) {
    QCPGraph* line = m_pareto->addGraph();
    line->setName(tr("Pareto front"));
    QPen pen(kFrontColor);
    pen.setWidthF(2.0);
    pen.setStyle(Qt::DashLine);
    line->setPen(pen);
    line->setLineStyle(QCPGraph::lsStepLeft);
    for (const auto& [x, y] : frontPoints) line->addData(x, y);
    line->setSelectable(QCP::stNone);
  }
  if (plotted.empty()) {
    m_pareto->xAxis->setRange(1, 1000);
    m_pareto->yAxis->setRange(0, 100);
  } else {
    m_pareto->xAxis->setRange(xmin / 2.0, xmax * 2.5);
    const double pad = std::max(2.0, (ymax - ymin) * 0.15);
    m_pareto->yAxis->setRange(std::max(0.0, ymin - pad), std::min(101.0, ymax + pad));
  }
  m_pareto->replot(QCustomPlot::rpQueuedReplot);
}

int64_t CompressionPane::plotHit(const QPointF& pos) const {
  int64_t best = 0;
  double bestDistance = 1e300;
  for (const PlotPoint& p : m_points) {
    const double px = m_pareto->xAxis->coordToPixel(p.x);
    const double py = m_pareto->yAxis->coordToPixel(p.y);
    const double d = std::hypot(px - pos.x(), py - pos.y());
    if (d <= std::max(6.0, p.radiusPx + 2.0) && d < bestDistance) {
      bestDistance = d;
      best = p.id;
    }
  }
  return best;
}

void CompressionPane::plotHover(QMouseEvent* event) {
  const int64_t id = plotHit(event->position());
  const VariantInfo* v = m_variants->variantById(id);
  if (!v) {
    QToolTip::hideText();
    return;
  }
  QString text = QStringLiteral("<b>%1</b><br>").arg(v->name.toHtmlEscaped());
  if (!v->recipe.isEmpty()) text += v->recipe.toHtmlEscaped() + QStringLiteral("<br>");
  text += tr("Accuracy %1%, p50 %2 \u00b5s, %3")
              .arg(v->accuracy * 100.0, 0, 'f', 1)
              .arg(v->p50Us, 0, 'f', 1)
              .arg(formatModelBytes(v->sizeBytes));
  if (std::isfinite(v->sizeRatio))
    text += QStringLiteral("<br>") + tr("%1\u00d7 the size, %2\u00d7 the latency of its parent")
                                         .arg(v->sizeRatio, 0, 'f', 3)
                                         .arg(v->latencyRatio, 0, 'f', 2);
  for (const QString& w : v->warnings) text += QStringLiteral("<br>\u26a0 ") + w.toHtmlEscaped();
  QToolTip::showText(event->globalPosition().toPoint(), text, m_pareto);
}

void CompressionPane::plotClick(QMouseEvent* event) {
  const int64_t id = plotHit(event->position());
  if (id != 0) selectVariant(id);
}

void CompressionPane::contextMenu(const QPoint& pos) {
  const QModelIndex index = m_table->indexAt(pos);
  if (!index.isValid()) return;
  const int64_t id = index.data(VariantsTableModel::IdRole).toLongLong();
  const VariantInfo* v = m_variants->variantById(id);
  if (!v) return;
  QMenu menu(this);
  menu.addAction(tr("Export TorchScript..."), this,
                 [this, id] { exportWithDialog(id, QStringLiteral("torchscript")); });
  menu.addAction(tr("Export C99..."), this,
                 [this, id] { exportWithDialog(id, QStringLiteral("c99")); });
  menu.addAction(tr("Export model file..."), this,
                 [this, id] { exportWithDialog(id, QStringLiteral("native")); });
  menu.addSeparator();
  const QModelIndexList rows = m_table->selectionModel()->selectedRows();
  if (rows.size() == 2) {
    const int64_t a = rows[0].data(VariantsTableModel::IdRole).toLongLong();
    const int64_t b = rows[1].data(VariantsTableModel::IdRole).toLongLong();
    menu.addAction(tr("Compare the two selected"), this, [this, a, b] {
      compare(a, b);
      m_tabs->setCurrentIndex(1);
    });
  }
  if (v->parentId) {
    const int64_t parent = *v->parentId;
    menu.addAction(tr("Compare with its parent"), this, [this, parent, id] {
      compare(parent, id);
      m_tabs->setCurrentIndex(1);
    });
  }
  menu.addSeparator();
  menu.addAction(tr("Delete..."), this, [this, id, name = v->name] {
    if (QMessageBox::question(this, tr("Delete model"),
                              tr("Delete %1 from the project? Variants derived from it stay, "
                                 "without a parent.")
                                  .arg(name)) == QMessageBox::Yes)
      deleteVariant(id);
  });
  menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void CompressionPane::exportWithDialog(int64_t id, const QString& format) {
  const QString filter = format == QStringLiteral("c99")           ? tr("C sources (*.c *.h)")
                         : format == QStringLiteral("torchscript") ? tr("TorchScript (*.pt)")
                                                                   : tr("Model files (*)");
  const QString path = QFileDialog::getSaveFileName(this, tr("Export model"), QString(), filter);
  if (!path.isEmpty()) exportVariant(id, format, path);
}

bool CompressionPane::exportVariant(int64_t modelId, const QString& format, const QString& path) {
  store::Project* project = m_workspace.project();
  if (!project) return false;
  auto done = training::exportModel(*project, modelId, format.toStdString(), path.toStdString());
  if (!done.ok()) {
    setStatus(tr("Export failed: %1").arg(qs(done.error().toString())), true);
    return false;
  }
  setStatus(tr("Exported to %1").arg(path));
  return true;
}

bool CompressionPane::deleteVariant(int64_t modelId) {
  store::Project* project = m_workspace.project();
  if (!project) return false;
  training::ModelRegistry registry(*project);
  auto removed = registry.remove(modelId);
  if (!removed.ok()) {
    setStatus(tr("Delete failed: %1").arg(qs(removed.error().toString())), true);
    return false;
  }
  setStatus(tr("Deleted model %1").arg(modelId));
  reloadModels();
  return true;
}

bool CompressionPane::compare(int64_t a, int64_t b) {
  const int ia = m_compareA->findData(QVariant::fromValue<qlonglong>(a));
  const int ib = m_compareB->findData(QVariant::fromValue<qlonglong>(b));
  if (ia < 0 || ib < 0) return false;
  m_syncing = true;
  m_compareA->setCurrentIndex(ia);
  m_compareB->setCurrentIndex(ib);
  m_syncing = false;
  showCompare();
  return true;
}

void CompressionPane::showCompare() {
  for (QCustomPlot* p : {m_perClass, m_heat, m_sqnr}) {
    p->clearPlottables();
    p->clearItems();
    p->plotLayout()->clear();
    p->plotLayout()->addElement(0, 0, new QCPAxisRect(p));
    p->xAxis = p->axisRect()->axis(QCPAxis::atBottom);
    p->yAxis = p->axisRect()->axis(QCPAxis::atLeft);
    // Clearing the layout deleted the legend with the old axis rect (QCustomPlot then sets
    // p->legend to null): give the new axis rect one of its own, hidden until used.
    p->legend = new QCPLegend;
    p->axisRect()->insetLayout()->addElement(p->legend, Qt::AlignRight | Qt::AlignTop);
    p->legend->setLayer(QStringLiteral("legend"));
    p->legend->setVisible(false);
  }
  m_difference.clear();
  const VariantInfo* a = m_variants->variantById(m_compareA->currentData().toLongLong());
  const VariantInfo* b = m_variants->variantById(m_compareB->currentData().toLongLong());
  auto title = [](QCustomPlot* p, const QString& text) {
    p->plotLayout()->insertRow(0);
    auto* t =
        new QCPTextElement(p, text, QFont(p->font().family(), p->font().pointSize(), QFont::Bold));
    p->plotLayout()->addElement(0, 0, t);
  };
  if (a && b) {
    // Per-class accuracy (recall), grouped bars.
    const int classes =
        static_cast<int>(std::min(a->metrics.perClass.size(), b->metrics.perClass.size()));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int c = 0; c < classes; ++c)
      ticker->addTick(c, c < a->classNames.size() ? a->classNames[c] : QString::number(c));
    m_perClass->xAxis->setTicker(ticker);
    auto* group = new QCPBarsGroup(m_perClass);
    auto* barsA = new QCPBars(m_perClass->xAxis, m_perClass->yAxis);
    auto* barsB = new QCPBars(m_perClass->xAxis, m_perClass->yAxis);
    barsA->setName(QStringLiteral("A: ") + a->name);
    barsB->setName(QStringLiteral("B: ") + b->name);
    barsA->setBrush(QColor(0x1f, 0x77, 0xb4, 200));
    barsB->setBrush(QColor(0xe6, 0x7e, 0x22, 200));
    barsA->setPen(Qt::NoPen);
    barsB->setPen(Qt::NoPen);
    for (QCPBars* bars : {barsA, barsB}) {
      bars->setWidth(0.38);
      bars->setBarsGroup(group);
    }
    for (int c = 0; c < classes; ++c) {
      barsA->addData(c, 100.0 * a->metrics.perClass[size_t(c)].recall);
      barsB->addData(c, 100.0 * b->metrics.perClass[size_t(c)].recall);
    }
    m_perClass->xAxis->setRange(-0.6, classes - 0.4);
    m_perClass->yAxis->setRange(0, 105);
    m_perClass->yAxis->setLabel(tr("Class accuracy (%)"));
    m_perClass->legend->setVisible(true);
    m_perClass->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    title(m_perClass, tr("Per-class accuracy"));

    // Confusion difference B - A.
    m_difference = confusionDifference(a->metrics.confusion, b->metrics.confusion);
    const int n = static_cast<int>(m_difference.size());
    if (n > 0) {
      auto* map = new QCPColorMap(m_heat->xAxis, m_heat->yAxis);
      map->data()->setSize(n, n);
      map->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
      double extent = 0.01;
      for (int t = 0; t < n; ++t)
        for (int p = 0; p < n; ++p) {
          // x = predicted, y = true (top row = class 0).
          map->data()->setCell(p, n - 1 - t, 100.0 * m_difference[size_t(t)][size_t(p)]);
          extent = std::max(extent, std::abs(100.0 * m_difference[size_t(t)][size_t(p)]));
        }
      QCPColorGradient diverging;
      diverging.clearColorStops();
      diverging.setColorStopAt(0.0, QColor(0x21, 0x66, 0xac));
      diverging.setColorStopAt(0.5, QColor(0xf7, 0xf7, 0xf7));
      diverging.setColorStopAt(1.0, QColor(0xb2, 0x18, 0x2b));
      map->setInterpolate(false);
      auto* scale = new QCPColorScale(m_heat);
      m_heat->plotLayout()->addElement(0, 1, scale);
      // The map takes the scale's gradient and range when it is attached: set them after,
      // symmetric so that white is "no change".
      map->setColorScale(scale);
      map->setGradient(diverging);
      map->setDataRange(QCPRange(-extent, extent));
      scale->axis()->setLabel(tr("points"));
      auto* margin = new QCPMarginGroup(m_heat);
      m_heat->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margin);
      scale->setMarginGroup(QCP::msBottom | QCP::msTop, margin);
      auto xt = QSharedPointer<QCPAxisTickerText>::create();
      auto yt = QSharedPointer<QCPAxisTickerText>::create();
      for (int c = 0; c < n; ++c) {
        const QString name = c < a->classNames.size() ? a->classNames[c] : QString::number(c);
        xt->addTick(c, name);
        yt->addTick(n - 1 - c, name);
      }
      m_heat->xAxis->setTicker(xt);
      m_heat->yAxis->setTicker(yt);
      m_heat->xAxis->setLabel(tr("Predicted"));
      m_heat->yAxis->setLabel(tr("True"));
      m_heat->xAxis->setRange(-0.5, n - 0.5);
      m_heat->yAxis->setRange(-0.5, n - 0.5);
    }
    title(m_heat, tr("Confusion B \u2212 A (share of the true class, points)"));
  } else {
    title(m_perClass, tr("Pick two variants"));
    title(m_heat, QString());
  }

  // SQNR per layer of whichever has them (B first: usually the int8 variant).
  const VariantInfo* q = (b && !b->layerSqnrDb.empty())   ? b
                         : (a && !a->layerSqnrDb.empty()) ? a
                                                          : nullptr;
  if (q) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    auto* bars = new QCPBars(m_sqnr->xAxis, m_sqnr->yAxis);
    bars->setBrush(QColor(0x2c, 0xa0, 0x2c, 200));
    bars->setPen(Qt::NoPen);
    double top = 10;
    for (size_t i = 0; i < q->layerSqnrDb.size(); ++i) {
      ticker->addTick(double(i), q->layerSqnrDb[i].first);
      const double db = std::isfinite(q->layerSqnrDb[i].second) ? q->layerSqnrDb[i].second : 0.0;
      bars->addData(double(i), db);
      top = std::max(top, db);
    }
    m_sqnr->xAxis->setTicker(ticker);
    m_sqnr->xAxis->setRange(-0.6, double(q->layerSqnrDb.size()) - 0.4);
    m_sqnr->yAxis->setRange(0, top * 1.15);
    m_sqnr->yAxis->setLabel(tr("SQNR (dB)"));
    title(m_sqnr, tr("SQNR per layer: %1").arg(q->name));
  } else {
    title(m_sqnr, tr("SQNR per layer (int8 variants only)"));
  }
  for (QCustomPlot* p : {m_perClass, m_heat, m_sqnr}) p->replot(QCustomPlot::rpQueuedReplot);
}

bool CompressionPane::startCompression() {
  if (m_jobId != 0) {
    setStatus(tr("A compression is already running."), true);
    return false;
  }
  store::Project* project = m_workspace.project();
  if (!project) {
    setStatus(tr("Open or create a project first."), true);
    return false;
  }
  const int64_t modelId = parentModelId();
  if (modelId == 0) {
    setStatus(tr("Train a model first: there is nothing to compress."), true);
    return false;
  }
  auto steps = training::parseRecipe(recipeText().toStdString());
  if (!steps.ok()) {
    setStatus(tr("Recipe: %1").arg(qs(steps.error().toString())), true);
    return false;
  }
  training::CompressRequest request;
  request.modelId = modelId;
  request.recipe = recipeText().toStdString();
  request.finetuneEpochs = m_epochs->isEnabled() ? m_epochs->value() : 0;
  request.calibrationSamples = m_calibration->value();

  auto opened = project->openAnotherConnection();
  if (!opened.ok()) {
    setStatus(qs(opened.error().toString()), true);
    return false;
  }
  std::shared_ptr<store::Project> connection = std::move(opened.value());
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  auto newId = std::make_shared<std::atomic<int64_t>>(0);
  auto warnings = std::make_shared<QStringList>();  // written by the worker before it returns
  m_cancelFlag = cancel;
  m_jobWarning.clear();
  const QString title = tr("Compress %1 with %2").arg(m_parent->currentText(), recipeText());
  m_jobId = JobManager::jobs().start(
      title,
      [connection, cancel, request, newId, warnings](JobContext& context) -> Result<QString> {
        auto progress = [&](double fraction, const std::string& message,
                            const training::TrainProgress*) {
          if (context.isCancelled()) cancel->store(true);
          context.setProgress(fraction, qs(message));
        };
        if (context.isCancelled()) return JobContext::cancelledError();
        auto report = training::compressAndRegister(*connection, request, progress, cancel.get());
        if (!report.ok()) {
          if (cancel->load() || context.isCancelled()) return JobContext::cancelledError();
          return report.error();
        }
        const training::CompressReport& r = report.value();
        newId->store(r.variant.modelId);
        for (const std::string& w : r.warnings) *warnings << qs(w);
        return CompressionPane::tr("%1: %2, accuracy %3% (%4%5 points), %6\u00d7 the size")
            .arg(qs(r.variant.name), formatModelBytes(r.variant.sizeBytes))
            .arg(r.variant.accuracy * 100.0, 0, 'f', 1)
            .arg(r.variant.accuracy >= r.parent.accuracy ? QStringLiteral("+") : QString())
            .arg(100.0 * (r.variant.accuracy - r.parent.accuracy), 0, 'f', 2)
            .arg(r.parent.sizeBytes > 0 ? double(r.variant.sizeBytes) / double(r.parent.sizeBytes)
                                        : 0.0,
                 0, 'f', 3);
      });
  const int jobId = m_jobId;
  const int generation = m_generation;
  auto handle = std::make_shared<QMetaObject::Connection>();
  *handle = connect(
      &JobManager::jobs(), &JobManager::jobFinished, this,
      [this, jobId, generation, newId, warnings, handle](int id, JobState state,
                                                         const QString& message) {
        if (id != jobId) return;
        disconnect(*handle);
        m_jobId = 0;
        m_cancelFlag.reset();
        const bool ok = state == JobState::Succeeded;
        if (ok)
          setStatus(message);
        else if (state == JobState::Cancelled)
          setStatus(tr("Compression cancelled; nothing was stored."));
        else
          setStatus(tr("Compression failed: %1").arg(message), true);
        const int64_t variant = newId->load();
        if (ok && generation == m_generation) {
          m_jobWarning = warnings->isEmpty()
                             ? QString()
                             : tr("The new variant: %1").arg(warnings->join(QStringLiteral("; ")));
          reloadModels(variant);
        }
        updateEnabled();
        Q_EMIT compressionFinished(ok, ok ? variant : 0);
      });
  m_progress->setValue(0);
  setStatus(tr("Starting %1...").arg(recipeText()));
  updateEnabled();
  return true;
}

void CompressionPane::cancelCompression() {
  if (m_jobId == 0) return;
  if (m_cancelFlag) m_cancelFlag->store(true);
  JobManager::jobs().cancel(m_jobId);
  setStatus(tr("Cancelling..."));
}

}  // namespace edgewise::gui
