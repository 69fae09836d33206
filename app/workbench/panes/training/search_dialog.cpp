#include "app/workbench/panes/training/search_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace edgewise::gui {

SearchDialog::SearchDialog(const SearchSettings& settings, const QString& family, QWidget* parent)
    : QDialog(parent) {
  setObjectName(QStringLiteral("searchDialog"));
  setWindowTitle(tr("Search Hyper-parameters"));
  m_method = new QComboBox(this);
  m_method->setObjectName(QStringLiteral("searchMethod"));
  m_method->addItem(tr("Random search"), QStringLiteral("random"));
  m_method->addItem(tr("Successive halving"), QStringLiteral("halving"));
  m_method->setItemData(0, tr("Every trial trains on the whole training split"), Qt::ToolTipRole);
  m_method->setItemData(1,
                        tr("Many configurations on a small share of the data; the best third "
                           "goes on with three times as much, up to the whole split"),
                        Qt::ToolTipRole);
  const int method = m_method->findData(settings.method);
  m_method->setCurrentIndex(method >= 0 ? method : 0);
  m_budget = new QDoubleSpinBox(this);
  m_budget->setObjectName(QStringLiteral("searchBudget"));
  m_budget->setRange(1, 24 * 3600);
  m_budget->setDecimals(0);
  m_budget->setSuffix(tr(" s"));
  m_budget->setValue(settings.budgetSeconds);
  m_budget->setToolTip(
      tr("No trial starts after this; the best model is then trained once more on the "
         "whole training split"));
  m_trials = new QSpinBox(this);
  m_trials->setObjectName(QStringLiteral("searchTrials"));
  m_trials->setRange(1, 10000);
  m_trials->setValue(settings.maxTrials);
  m_trials->setToolTip(
      tr("Random search: trials; successive halving: configurations at the "
         "first rung"));
  m_hint =
      new QLabel(tr("Searches the default space of %1, scored by validation accuracy. The best "
                    "configuration is registered as a model.")
                     .arg(family),
                 this);
  m_hint->setWordWrap(true);

  auto* form = new QFormLayout;
  form->addRow(tr("&Method:"), m_method);
  form->addRow(tr("Time &budget:"), m_budget);
  form->addRow(tr("&Trials at most:"), m_trials);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Start Search"));
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_hint);
  layout->addLayout(form);
  layout->addWidget(buttons);
}

SearchSettings SearchDialog::settings() const {
  SearchSettings s;
  s.method = m_method->currentData().toString();
  s.budgetSeconds = m_budget->value();
  s.maxTrials = m_trials->value();
  return s;
}

}  // namespace edgewise::gui
