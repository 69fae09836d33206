#include "app/workbench/builtin_panes.h"

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/jobs/jobs_pane.h"
#include "app/workbench/pane_factory.h"
#include "app/workbench/panes/placeholder_pane.h"
#include "app/workbench/tr.h"

#ifdef EDGEWISE_HAVE_CAPTURE_PANE
#include "app/workbench/panes/capture/capture_pane.h"
#endif
#ifdef EDGEWISE_HAVE_LABELING_PANE
#include "app/workbench/panes/labeling/labeling_pane.h"
#endif
#ifdef EDGEWISE_HAVE_TRAINING_PANE
#include "app/workbench/panes/training/training_pane.h"
#endif
#ifdef EDGEWISE_HAVE_COMPRESSION_PANE
#include "app/workbench/panes/compression/compression_pane.h"
#endif
#ifdef EDGEWISE_HAVE_AUDIT_PANE
#include "app/workbench/panes/audit/audit_pane.h"
#endif
#ifdef EDGEWISE_HAVE_FLEET_PANE
#include "app/workbench/panes/fleet/fleet_pane.h"
#endif

namespace edgewise::gui {

namespace {

[[maybe_unused]] void addPlaceholder(QString id, int order, Qt::DockWidgetArea area,
                                     PlaceholderContent content) {
  PaneFactory factory;
  factory.id = std::move(id);
  factory.title = content.title;
  factory.area = area;
  factory.order = order;
  factory.create = [content](Workspace&, QWidget* parent) -> QWidget* {
    return new PlaceholderPane(content, parent);
  };
  PaneRegistry::add(std::move(factory));
}

}  // namespace

void registerWorkbenchPanes() {
  static bool registered = false;
  if (registered) return;
  registered = true;

#ifdef EDGEWISE_HAVE_CAPTURE_PANE
  registerCapturePane();
#else
  addPlaceholder(QStringLiteral("capture"), 10, Qt::LeftDockWidgetArea,
                 {QStringLiteral(":/icons/capture.svg"), [] { return Tr::tr("Capture"); },
                  [] {
                    return Tr::tr(
                        "This build of the workbench does not include the Capture "
                        "pane. Use edgewise-cli capture to record from a broker.");
                  },
                  [] {
                    return QStringList{Tr::tr("Connect to an MQTT broker and browse its topics"),
                                       Tr::tr("Plot live sensor streams"),
                                       Tr::tr("Record streams into the project")};
                  }});
#endif

#ifdef EDGEWISE_HAVE_LABELING_PANE
  registerLabelingPane();
#else
  addPlaceholder(QStringLiteral("labeling"), 20, Qt::RightDockWidgetArea,
                 {QStringLiteral(":/icons/labeling.svg"), [] { return Tr::tr("Labeling"); },
                  [] {
                    return Tr::tr(
                        "Labeling arrives with the labeling and active-learning "
                        "capability.");
                  },
                  [] {
                    return QStringList{
                        Tr::tr("Label segments of recordings against a label schema"),
                        Tr::tr("Let active learning pick the most informative windows"),
                        Tr::tr("Measure agreement between annotators")};
                  }});
#endif
#ifdef EDGEWISE_HAVE_TRAINING_PANE
  registerTrainingPane();
#else
  addPlaceholder(QStringLiteral("training"), 30, Qt::RightDockWidgetArea,
                 {QStringLiteral(":/icons/training.svg"), [] { return Tr::tr("Training"); },
                  [] { return Tr::tr("Training arrives with the model training capability."); },
                  [] {
                    return QStringList{
                        Tr::tr("Train neural networks and classic models on labeled windows"),
                        Tr::tr("Compare runs by their metrics and confusion matrices"),
                        Tr::tr("Keep the lineage from data to model")};
                  }});
#endif
#ifdef EDGEWISE_HAVE_COMPRESSION_PANE
  registerCompressionPane();
#else
  addPlaceholder(
      QStringLiteral("compression"), 40, Qt::RightDockWidgetArea,
      {QStringLiteral(":/icons/compression.svg"), [] { return Tr::tr("Compression"); },
       [] { return Tr::tr("Compression arrives with the model compression capability."); },
       [] {
         return QStringList{Tr::tr("Prune, quantize and distill trained models"),
                            Tr::tr("Trade accuracy against size and latency")};
       }});
#endif
#ifdef EDGEWISE_HAVE_FLEET_PANE
  registerFleetPane();
#else
  addPlaceholder(QStringLiteral("fleet"), 50, Qt::RightDockWidgetArea,
                 {QStringLiteral(":/icons/fleet.svg"), [] { return Tr::tr("Fleet"); },
                  [] {
                    return Tr::tr(
                        "Fleet arrives with the device registry and deployment "
                        "capability.");
                  },
                  [] {
                    return QStringList{Tr::tr("See every device, its model and its health"),
                                       Tr::tr("Deploy signed models with one click and roll "
                                              "back")};
                  }});
#endif
#ifdef EDGEWISE_HAVE_AUDIT_PANE
  registerAuditPane();
#else
  addPlaceholder(QStringLiteral("audit"), 60, Qt::RightDockWidgetArea,
                 {QStringLiteral(":/icons/audit.svg"), [] { return Tr::tr("Audit"); },
                  [] {
                    return Tr::tr(
                        "Audit arrives with the drift, robustness and latency "
                        "capability.");
                  },
                  [] {
                    return QStringList{Tr::tr("Detect drift in what devices see"),
                                       Tr::tr("Test robustness against adversarial inputs"),
                                       Tr::tr("Follow latency on each device")};
                  }});
#endif

  PaneFactory jobs;
  jobs.id = QStringLiteral("jobs");
  jobs.title = [] { return Tr::tr("Jobs"); };
  jobs.area = Qt::BottomDockWidgetArea;
  jobs.order = 70;
  jobs.create = [](Workspace&, QWidget* parent) -> QWidget* {
    return new JobsPane(JobManager::jobs(), parent);
  };
  PaneRegistry::add(std::move(jobs));
}

}  // namespace edgewise::gui
