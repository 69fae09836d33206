#include "app/workbench/panes/fleet/requirements_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/inventory/inventory_repository.h"
#include "core/store/project.h"

namespace edgewise::gui {

namespace {
enum { ColClass, ColAccuracy, ColLatency, ColRam, ColFlash, ColObjective, ColCount };

QString optText(const std::optional<double>& v) {
  return v ? QString::number(*v) : QString();
}
QString optText(const std::optional<int64_t>& v) {
  return v ? QString::number(*v) : QString();
}
}  // namespace

RequirementsDialog::RequirementsDialog(store::Project& project, QWidget* parent)
    : QDialog(parent), m_project(project) {
  setObjectName(QStringLiteral("requirementsDialog"));
  setWindowTitle(tr("Requirements per device class"));
  auto* intro = new QLabel(
      tr("The plan gives each device the best variant that meets its class's limits. Empty "
         "cells mean no limit; class * applies to every class without a row of its own."),
      this);
  intro->setWordWrap(true);
  m_table = new QTableWidget(0, ColCount, this);
  m_table->setObjectName(QStringLiteral("requirementsTable"));
  m_table->setHorizontalHeaderLabels({tr("Device class"), tr("Min accuracy (0–1)"),
                                      tr("Max latency ms"), tr("Max RAM kB"), tr("Max flash kB"),
                                      tr("Objective")});
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  m_table->verticalHeader()->setVisible(false);
  auto* add = new QPushButton(tr("&Add class"), this);
  add->setObjectName(QStringLiteral("requirementsAdd"));
  auto* remove = new QPushButton(tr("&Remove"), this);
  remove->setObjectName(QStringLiteral("requirementsRemove"));
  remove->setShortcut(QKeySequence::Delete);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("requirementsStatus"));
  m_status->setWordWrap(true);
  auto* row = new QHBoxLayout;
  row->addWidget(add);
  row->addWidget(remove);
  row->addStretch(1);
  row->addWidget(buttons);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addWidget(m_table, 1);
  layout->addWidget(m_status);
  layout->addLayout(row);
  connect(add, &QPushButton::clicked, this, &RequirementsDialog::addRow);
  connect(remove, &QPushButton::clicked, this, &RequirementsDialog::removeSelected);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    if (save()) accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  load();
  resize(760, 320);
}

void RequirementsDialog::insertRow(const QString& cls, const QString& acc, const QString& lat,
                                   const QString& ram, const QString& flash,
                                   const QString& objective) {
  const int r = m_table->rowCount();
  m_table->insertRow(r);
  m_table->setItem(r, ColClass, new QTableWidgetItem(cls));
  m_table->setItem(r, ColAccuracy, new QTableWidgetItem(acc));
  m_table->setItem(r, ColLatency, new QTableWidgetItem(lat));
  m_table->setItem(r, ColRam, new QTableWidgetItem(ram));
  m_table->setItem(r, ColFlash, new QTableWidgetItem(flash));
  auto* obj = new QComboBox;
  obj->addItem(tr("best effort"), QStringLiteral("best_effort"));
  obj->addItem(tr("low latency"), QStringLiteral("low_latency"));
  obj->setCurrentIndex(objective == QLatin1String("low_latency") ? 1 : 0);
  m_table->setCellWidget(r, ColObjective, obj);
}

void RequirementsDialog::load() {
  inventory::InventoryRepository repo(m_project);
  auto all = repo.requirements();
  if (!all) {
    m_status->setText(QString::fromStdString(all.error().toString()));
    return;
  }
  for (const auto& r : *all) {
    m_loadedClasses << QString::fromStdString(r.deviceClass);
    insertRow(QString::fromStdString(r.deviceClass), optText(r.minAccuracy),
              optText(r.maxLatencyMs), optText(r.maxRamKb), optText(r.maxFlashKb),
              QString::fromStdString(r.objective));
  }
}

void RequirementsDialog::addRow() {
  insertRow(m_table->rowCount() == 0 ? QStringLiteral("*") : QString(), {}, {}, {}, {}, {});
  m_table->setCurrentCell(m_table->rowCount() - 1, ColClass);
  m_table->editItem(m_table->item(m_table->rowCount() - 1, ColClass));
}

void RequirementsDialog::removeSelected() {
  const int r = m_table->currentRow();
  if (r >= 0) m_table->removeRow(r);
}

bool RequirementsDialog::save() {
  std::vector<inventory::Requirement> rows;
  QStringList classes;
  for (int r = 0; r < m_table->rowCount(); ++r) {
    const auto text = [&](int c) {
      return m_table->item(r, c) ? m_table->item(r, c)->text().trimmed() : QString();
    };
    inventory::Requirement q;
    q.deviceClass = text(ColClass).toStdString();
    if (q.deviceClass.empty()) {
      m_status->setText(tr("Row %1: a device class is needed (* for every class).").arg(r + 1));
      return false;
    }
    bool ok = true;
    const auto real = [&](int c, std::optional<double>& out) {
      if (text(c).isEmpty()) return;
      double v = text(c).toDouble(&ok);
      if (!ok) v = QLocale().toDouble(text(c), &ok);
      if (ok) out = v;
    };
    const auto integer = [&](int c, std::optional<int64_t>& out) {
      if (text(c).isEmpty()) return;
      const qlonglong v = text(c).toLongLong(&ok);
      if (ok) out = v;
    };
    real(ColAccuracy, q.minAccuracy);
    if (ok) real(ColLatency, q.maxLatencyMs);
    if (ok) integer(ColRam, q.maxRamKb);
    if (ok) integer(ColFlash, q.maxFlashKb);
    if (!ok) {
      m_status->setText(tr("Row %1: numbers only in the limit columns.").arg(r + 1));
      return false;
    }
    if (auto* obj = qobject_cast<QComboBox*>(m_table->cellWidget(r, ColObjective)))
      q.objective = obj->currentData().toString().toStdString();
    classes << text(ColClass);
    rows.push_back(q);
  }
  inventory::InventoryRepository repo(m_project);
  auto written = m_project.transaction([&]() -> Result<void> {
    for (const QString& old : m_loadedClasses)
      if (!classes.contains(old)) EW_TRY(repo.removeRequirement(old.toStdString()));
    for (const auto& q : rows) {
      auto id = repo.upsertRequirement(q);
      if (!id) return id.error().wrap("class " + q.deviceClass);
    }
    return okResult();
  });
  if (!written) {
    m_status->setText(QString::fromStdString(written.error().toString()));
    return false;
  }
  m_loadedClasses = classes;
  return true;
}

}  // namespace edgewise::gui
