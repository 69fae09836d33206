#include "app/workbench/panes/labeling/recording_pool_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "core/labeling/label_repository.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"

namespace edgewise::gui {

namespace {

enum Column { NameColumn, DurationColumn, StreamColumn, WindowsColumn, ColumnCount };

// Per stream item of a row's combo box: samples and rate, for the window count.
constexpr int kSamplesRole = Qt::UserRole + 1;
constexpr int kRateRole = Qt::UserRole + 2;

}  // namespace

RecordingPoolDialog::RecordingPoolDialog(store::Project& project, labeling::LabelRepository& labels,
                                         QWidget* parent)
    : QDialog(parent), m_project(project) {
  setObjectName(QStringLiteral("recordingPoolDialog"));
  setWindowTitle(tr("Label windows of recordings"));
  const active::RecordingPoolDefaults defaults = active::recordingPoolDefaults(project);
  m_defaultFeatures = defaults.features;

  m_recordings = new QTableWidget(0, ColumnCount, this);
  m_recordings->setObjectName(QStringLiteral("poolRecordings"));
  m_recordings->verticalHeader()->hide();
  m_recordings->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_recordings->setSelectionMode(QAbstractItemView::NoSelection);
  m_recordings->setHorizontalHeaderLabels(
      {tr("Recording"), tr("Duration"), tr("Stream"), tr("Windows")});
  m_recordings->setMinimumHeight(150);
  if (auto listed = project.recordings().list(); listed.ok()) {
    for (const store::RecordingSummary& rec : *listed) {
      const int row = m_recordings->rowCount();
      m_recordings->insertRow(row);
      auto* name = new QTableWidgetItem(QString::fromStdString(rec.name));
      name->setData(Qt::UserRole, QVariant::fromValue<qint64>(rec.id));
      name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
      name->setCheckState(Qt::Checked);
      m_recordings->setItem(row, NameColumn, name);
      auto* duration =
          new QTableWidgetItem(tr("%1 s").arg(QLocale().toString(rec.durationSeconds(), 'f', 1)));
      duration->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      m_recordings->setItem(row, DurationColumn, duration);
      auto* combo = new QComboBox(m_recordings);
      combo->setObjectName(QStringLiteral("poolStream"));
      if (auto streams = project.recordings().streams(rec.id); streams.ok()) {
        for (const store::StreamSummary& s : *streams) {
          if (s.spec.kind != store::StreamKind::TimeSeries) continue;
          double rate = s.spec.sampleRateHz;
          if (!(rate > 0) && s.sampleCount > 1 && s.endUs > s.startUs)
            rate = 1e6 * static_cast<double>(s.sampleCount - 1) /
                   static_cast<double>(s.endUs - s.startUs);
          combo->addItem(QString::fromStdString(dataset::streamName(s.spec)));
          combo->setItemData(combo->count() - 1, QVariant::fromValue<qint64>(s.sampleCount),
                             kSamplesRole);
          combo->setItemData(combo->count() - 1, rate, kRateRole);
        }
      }
      if (combo->count() == 0) {
        // Image-only or empty: shown with the reason, never pooled.
        combo->addItem(tr("(no time-series stream)"));
        combo->setEnabled(false);
        name->setCheckState(Qt::Unchecked);
        name->setFlags(Qt::ItemIsUserCheckable);
      }
      m_recordings->setCellWidget(row, StreamColumn, combo);
      auto* windows = new QTableWidgetItem;
      windows->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      m_recordings->setItem(row, WindowsColumn, windows);
      connect(combo, &QComboBox::currentIndexChanged, this, &RecordingPoolDialog::update);
    }
  }
  m_recordings->resizeColumnsToContents();
  m_recordings->horizontalHeader()->setSectionResizeMode(StreamColumn, QHeaderView::Stretch);
  connect(m_recordings, &QTableWidget::itemChanged, this, &RecordingPoolDialog::update);

  auto makeMs = [this](const char* name, double value) {
    auto* spin = new QSpinBox(this);
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(10, 600000);
    spin->setSingleStep(100);
    spin->setSuffix(tr(" ms"));
    spin->setValue(static_cast<int>(std::lround(value)));
    connect(spin, &QSpinBox::valueChanged, this, &RecordingPoolDialog::update);
    return spin;
  };
  m_windowMs = makeMs("poolWindowMs", defaults.windowMs);
  m_strideMs = makeMs("poolStrideMs", defaults.strideMs);
  m_features = new QComboBox(this);
  m_features->setObjectName(QStringLiteral("poolFeatures"));
  for (const std::string& block : training::featureBlocksFor(dataset::DatasetKind::Timeseries))
    m_features->addItem(block.empty() ? tr("raw window") : QString::fromStdString(block),
                        QString::fromStdString(block));
  m_features->setCurrentIndex(
      std::max(0, m_features->findData(QString::fromStdString(defaults.features.blockId))));
  m_features->setToolTip(
      tr("The feature block of the Training pane that turns a window into the model's input"));

  m_classes = new QListWidget(this);
  m_classes->setObjectName(QStringLiteral("poolClasses"));
  m_classes->setMaximumHeight(110);
  if (auto classes = labels.classes(); classes.ok()) {
    for (const labeling::LabelClass& c : *classes) {
      auto* item = new QListWidgetItem(QString::fromStdString(c.name), m_classes);
      QPixmap swatch(12, 12);
      swatch.fill(QColor(QString::fromStdString(c.color)));
      item->setIcon(QIcon(swatch));
      item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
      item->setCheckState(Qt::Checked);
    }
  }
  connect(m_classes, &QListWidget::itemChanged, this, &RecordingPoolDialog::update);

  m_summary = new QLabel(this);
  m_summary->setObjectName(QStringLiteral("poolSummary"));
  m_summary->setWordWrap(true);
  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
  connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* form = new QFormLayout;
  form->addRow(tr("Window:"), m_windowMs);
  form->addRow(tr("Stride:"), m_strideMs);
  form->addRow(tr("Features:"), m_features);
  form->addRow(tr("Classes:"), m_classes);
  auto* root = new QVBoxLayout(this);
  auto* intro = new QLabel(
      tr("Each chosen stream is cut into windows; the queue asks for the windows the model "
         "needs and stores each label as a segment of its recording."),
      this);
  intro->setWordWrap(true);
  root->addWidget(intro);
  root->addWidget(m_recordings, 1);
  root->addLayout(form);
  if (!defaults.fromDataset.empty()) {
    const QString dataset = QString::fromStdString(defaults.fromDataset);
    auto* from = new QLabel(
        defaults.fromModel > 0
            ? tr("Window and stride as in dataset %1, features as model %2 was trained with.")
                  .arg(dataset)
                  .arg(defaults.fromModel)
            : tr("Window and stride as in dataset %1.").arg(dataset),
        this);
    from->setObjectName(QStringLiteral("poolDefaultsFrom"));
    from->setWordWrap(true);
    root->addWidget(from);
  }
  root->addWidget(m_summary);
  root->addWidget(m_buttons);
  resize(560, 520);
  update();
}

active::RecordingPoolOptions RecordingPoolDialog::options() const {
  active::RecordingPoolOptions o;
  for (int r = 0; r < m_recordings->rowCount(); ++r) {
    const QTableWidgetItem* name = m_recordings->item(r, NameColumn);
    const auto* combo = qobject_cast<QComboBox*>(m_recordings->cellWidget(r, StreamColumn));
    if (name->checkState() != Qt::Checked || !combo || !combo->isEnabled()) continue;
    o.streams.push_back(
        {name->data(Qt::UserRole).toLongLong(), combo->currentText().toStdString()});
  }
  o.windowing = {static_cast<double>(m_windowMs->value()),
                 static_cast<double>(m_strideMs->value())};
  o.features.blockId = m_features->currentData().toString().toStdString();
  // The default block keeps the parameters it came with (a model's), another starts plain.
  if (o.features.blockId == m_defaultFeatures.blockId) o.features = m_defaultFeatures;
  for (int i = 0; i < m_classes->count(); ++i)
    if (m_classes->item(i)->checkState() == Qt::Checked)
      o.classNames.push_back(m_classes->item(i)->text().toStdString());
  return o;
}

void RecordingPoolDialog::update() {
  m_expected = 0;
  int chosen = 0;
  QStringList tooShort;
  for (int r = 0; r < m_recordings->rowCount(); ++r) {
    QTableWidgetItem* name = m_recordings->item(r, NameColumn);
    const auto* combo = qobject_cast<QComboBox*>(m_recordings->cellWidget(r, StreamColumn));
    QString count;
    if (combo && combo->isEnabled()) {
      // The count windowRecordings will give: whole windows only.
      const double rate = combo->currentData(kRateRole).toDouble();
      const qint64 n = combo->currentData(kSamplesRole).toLongLong();
      const qint64 length = std::lround(m_windowMs->value() * rate / 1000.0);
      const qint64 stride = std::max<qint64>(1, std::lround(m_strideMs->value() * rate / 1000.0));
      const qint64 windows = length >= 1 && n >= length ? (n - length) / stride + 1 : 0;
      count = QString::number(windows);
      if (name->checkState() == Qt::Checked) {
        ++chosen;
        m_expected += static_cast<int>(windows);
        if (windows == 0) tooShort << name->text();
      }
    }
    QSignalBlocker block(m_recordings);
    m_recordings->item(r, WindowsColumn)->setText(count);
  }
  int classes = 0;
  for (int i = 0; i < m_classes->count(); ++i)
    classes += m_classes->item(i)->checkState() == Qt::Checked;

  if (m_recordings->rowCount() == 0)
    m_problem = tr("The project has no recordings: record some in the Capture pane first.");
  else if (chosen == 0)
    m_problem = tr("Tick the recordings whose windows you want to label.");
  else if (m_classes->count() < 2)
    m_problem =
        tr("No classes to label with: add at least two classes to the project's label schema "
           "(Timeline tab, class field) first.");
  else if (classes < 2)
    m_problem = tr("Tick at least two classes.");
  else if (m_expected == 0)
    m_problem =
        tr("The window (%1 ms) is longer than every chosen recording.").arg(m_windowMs->value());
  else
    m_problem.clear();
  if (!m_problem.isEmpty()) {
    m_summary->setText(m_problem);
  } else {
    QString text = tr("%n window(s) to label", nullptr, m_expected);
    if (!tooShort.isEmpty())
      text += u' ' + tr("(shorter than one window, left out: %1)").arg(tooShort.join(u", "));
    m_summary->setText(text);
  }
  m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}

bool RecordingPoolDialog::setRecordingChecked(qint64 recordingId, bool checked,
                                              const QString& stream) {
  for (int r = 0; r < m_recordings->rowCount(); ++r) {
    QTableWidgetItem* name = m_recordings->item(r, NameColumn);
    if (name->data(Qt::UserRole).toLongLong() != recordingId) continue;
    auto* combo = qobject_cast<QComboBox*>(m_recordings->cellWidget(r, StreamColumn));
    if (!combo || !combo->isEnabled()) return !checked;
    if (!stream.isEmpty()) {
      const int index = combo->findText(stream);
      if (index < 0) return false;
      combo->setCurrentIndex(index);
    }
    name->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    return true;
  }
  return false;
}

void RecordingPoolDialog::setWindowing(int windowMs, int strideMs) {
  m_windowMs->setValue(windowMs);
  m_strideMs->setValue(strideMs);
}

bool RecordingPoolDialog::setFeatureBlock(const QString& blockId) {
  const int i = m_features->findData(blockId);
  if (i >= 0) m_features->setCurrentIndex(i);
  return i >= 0;
}

bool RecordingPoolDialog::setClassChecked(const QString& name, bool checked) {
  for (int i = 0; i < m_classes->count(); ++i) {
    if (m_classes->item(i)->text() != name) continue;
    m_classes->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    return true;
  }
  return false;
}

}  // namespace edgewise::gui
