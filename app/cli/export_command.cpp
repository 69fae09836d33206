// edgewise-cli export: a recording to CSV (one row per sample, one column per channel); with
// --model a stored model (compress_command.cpp).

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;

int runExport(const QStringList& args) {
  // --model: a stored model (TorchScript / C99); otherwise a recording to CSV.
  for (const QString& a : args)
    if (a == u"--model" || a.startsWith(u"--model="_s) || a == u"-model")
      return runExportStoredModel(args);
  CommandLine cl(u"export"_s,
                 u"Exports a recording of a project to CSV (with --model: a stored model, see "
                 "'edgewise-cli export --model 1 --help')."_s);
  cl.addOption({u"project"_s, u"Project file."_s, u"FILE"_s});
  cl.addOption({u"recording"_s, u"Recording id (see 'edgewise-cli recordings')."_s, u"ID"_s});
  cl.addOption({u"out"_s, u"CSV file to write."_s, u"FILE"_s});
  if (auto exit = cl.parse(args)) return *exit;
  const QString path = cl.value(u"project"_s);
  const QString out = cl.value(u"out"_s);
  if (path.isEmpty()) return cl.usageError(u"--project FILE is required"_s);
  if (out.isEmpty()) return cl.usageError(u"--out FILE is required"_s);
  auto id = cl.intValue(u"recording"_s, -1, 1, INT64_MAX);
  if (!id.ok()) return cl.usageError(qs(id.error().toString()));
  if (*id < 0) return cl.usageError(u"--recording ID is required"_s);

  auto project = store::Project::open(path.toStdString(), store::OpenMode::OpenExisting);
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  auto recording = (*project)->recordings().get(*id);
  if (!recording.ok()) return cl.failure(qs(recording.error().toString()));
  auto exported = (*project)->recordings().exportCsv(*id, out.toStdString());
  if (!exported.ok()) return cl.failure(qs(exported.error().toString()));
  printOut(u"exported recording %1 (\"%2\", %3 samples) to %4\n"_s.arg(*id)
               .arg(qs(recording->name))
               .arg(recording->sampleCount)
               .arg(out));
  return kExitOk;
}

}  // namespace edgewise::cli
