// edgewise-cli: the lifecycle steps of Edgewise, headless, for scripts, CI and benchmarks.

#include <QCoreApplication>
#include <QStringList>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "core/capture/decoder_registry.h"
#include "plugins/decoders/builtin_decoders.h"

using namespace edgewise::cli;

namespace {

const char kUsage[] =
    "Usage: edgewise-cli <command> [options]\n"
    "\n"
    "Commands:\n"
    "  record       record MQTT topics into a project\n"
    "  recordings   list the recordings of a project\n"
    "  export       export a recording to CSV (--recording), or a stored model to\n"
    "               TorchScript or C99 sources for microcontrollers (--model)\n"
    "  import       import a dataset (IDX, CSV, image or WAV folders, digits.png, imu-sim)\n"
    "  train        train a model on a dataset and store it in the project\n"
    "  search       search a family's hyper-parameters, store the best model\n"
    "  eval         evaluate a stored model on its test split (metrics, latency)\n"
    "  models       list (or remove) the models of a project\n"
    "  export-model write a stored model to a file (native or TorchScript)\n"
    "  import-model import a TorchScript model, evaluated on a dataset\n"
    "  compress     compress a stored model (int8, dynamic-int8, fp16, prune:S,\n"
    "               prune-structured:F, distill:W, lowrank:R, chains like prune:0.8+int8)\n"
    "  bench        benchmarks (bench capture, bench live-view, bench train,\n"
    "               bench compress, bench active-learning, bench drift, bench robustness,\n"
    "               bench deploy)\n"
    "  audit        audit a deployed model (audit drift: live features against the\n"
    "               training reference; audit robustness: adversarial attacks, IoT\n"
    "               faults, label-flip poisoning)\n"
    "  deploy       deploy a stored model to devices: signed, chunked, atomic, self-tested\n"
    "               (--devices imu-*, --canary PCT)\n"
    "  plan         plan placement: split DL tasks between edge servers and the cloud\n"
    "  demo         the demo behind ./run.sh: broker, simulated devices, workbench or report\n"
    "\n"
    "Run 'edgewise-cli <command> --help' for the options of a command.\n";

}  // namespace

int main(int argc, char* argv[]) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("edgewise-cli"));
  QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

  QStringList args = QCoreApplication::arguments();
  args.removeFirst();
  if (args.isEmpty()) {
    printErr(QString::fromLatin1(kUsage));
    return kExitUsage;
  }
  const QString command = args.takeFirst();
  if (command == u"--help" || command == u"-h" || command == u"help") {
    printOut(QString::fromLatin1(kUsage));
    return kExitOk;
  }
  if (command == u"--version") {
    printOut(QStringLiteral("edgewise-cli 0.1.0\n"));
    return kExitOk;
  }

  edgewise::decoders::registerBuiltinDecoders(edgewise::capture::DecoderRegistry::instance());

  if (command == u"record") return runRecord(args);
  if (command == u"recordings") return runRecordings(args);
  if (command == u"bench" && !args.isEmpty() && args.first() == u"deploy") {
    return runBenchDeploy(args.mid(1));
  }
  if (command == u"bench") return runBench(args);
  if (command == u"export") return runExport(args);
  if (command == u"import") return runImport(args);
  if (command == u"train") return runTrain(args);
  if (command == u"search") return runSearch(args);
  if (command == u"eval") return runEval(args);
  if (command == u"models") return runModels(args);
  if (command == u"export-model") return runExportModel(args);
  if (command == u"import-model") return runImportModel(args);
  if (command == u"compress") return runCompress(args);
  if (command == u"probe-model") return runProbeModel(args);  // internal, not in the usage
  if (command == u"demo") return runDemo(args);
  if (command == u"audit") return runAudit(args);
  if (command == u"plan") return runPlan(args);
  if (command == u"deploy") return runDeploy(args);
  printErr(QStringLiteral("edgewise-cli: unknown command '") + command + QStringLiteral("'\n") +
           QString::fromLatin1(kUsage));
  return kExitUsage;
}
