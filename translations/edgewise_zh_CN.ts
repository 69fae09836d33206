<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Workbench</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancelled before it started.</source>
        <translation>在开始前已取消。</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1:%2 min</source>
        <translation>%1:%2 分</translation>
    </message>
    <message>
        <source>%1:%2 h</source>
        <translation>%1:%2 小时</translation>
    </message>
    <message>
        <source>Cancel this job</source>
        <translation>取消此任务</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>No jobs yet.
Long work such as exports, training and deployments appears here with its progress and a cancel button.</source>
        <translation>暂无任务。
导出、训练、部署等耗时工作会显示在这里，并附带进度和取消按钮。</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>清除已结束</translation>
    </message>
    <message>
        <source>%1 running, %2 finished</source>
        <translation>%1 个运行中，%2 个已结束</translation>
    </message>
    <message>
        <source>The recording could not be finished: %1</source>
        <translation>无法完成录制：%1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>采集</translation>
    </message>
    <message>
        <source>This build of the workbench does not include the Capture pane. Use edgewise-cli capture to record from a broker.</source>
        <translation>此版本的工作台不包含采集面板。请使用 edgewise-cli capture 从代理服务器录制。</translation>
    </message>
    <message>
        <source>Connect to an MQTT broker and browse its topics</source>
        <translation>连接 MQTT 代理服务器并浏览其主题</translation>
    </message>
    <message>
        <source>Plot live sensor streams</source>
        <translation>实时绘制传感器数据流</translation>
    </message>
    <message>
        <source>Record streams into the project</source>
        <translation>将数据流录制到项目中</translation>
    </message>
    <message>
        <source>Labeling</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Labeling arrives with the labeling and active-learning capability.</source>
        <translation>标注功能将随标注与主动学习能力一同推出。</translation>
    </message>
    <message>
        <source>Label segments of recordings against a label schema</source>
        <translation>按标签方案标注录制片段</translation>
    </message>
    <message>
        <source>Let active learning pick the most informative windows</source>
        <translation>由主动学习挑选信息量最大的窗口</translation>
    </message>
    <message>
        <source>Measure agreement between annotators</source>
        <translation>衡量标注者之间的一致性</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Training arrives with the model training capability.</source>
        <translation>训练功能将随模型训练能力一同推出。</translation>
    </message>
    <message>
        <source>Train neural networks and classic models on labeled windows</source>
        <translation>在已标注的窗口上训练神经网络和经典模型</translation>
    </message>
    <message>
        <source>Compare runs by their metrics and confusion matrices</source>
        <translation>按指标和混淆矩阵比较各次运行</translation>
    </message>
    <message>
        <source>Keep the lineage from data to model</source>
        <translation>记录从数据到模型的完整谱系</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>压缩</translation>
    </message>
    <message>
        <source>Compression arrives with the model compression capability.</source>
        <translation>压缩功能将随模型压缩能力一同推出。</translation>
    </message>
    <message>
        <source>Prune, quantize and distill trained models</source>
        <translation>对训练好的模型进行剪枝、量化和蒸馏</translation>
    </message>
    <message>
        <source>Trade accuracy against size and latency</source>
        <translation>在精度与体积、延迟之间权衡</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>设备群</translation>
    </message>
    <message>
        <source>Fleet arrives with the device registry and deployment capability.</source>
        <translation>设备群功能将随设备注册与部署能力一同推出。</translation>
    </message>
    <message>
        <source>See every device, its model and its health</source>
        <translation>查看每台设备、其模型及健康状况</translation>
    </message>
    <message>
        <source>Deploy signed models with one click and roll back</source>
        <translation>一键部署已签名的模型，并可回滚</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Audit arrives with the drift, robustness and latency capability.</source>
        <translation>审计功能将随漂移、鲁棒性与延迟分析能力一同推出。</translation>
    </message>
    <message>
        <source>Detect drift in what devices see</source>
        <translation>检测设备所见数据的漂移</translation>
    </message>
    <message>
        <source>Test robustness against adversarial inputs</source>
        <translation>测试模型对对抗性输入的鲁棒性</translation>
    </message>
    <message>
        <source>Follow latency on each device</source>
        <translation>跟踪每台设备上的延迟</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>A workbench for machine learning on IoT devices: capture, label, train, compress, deploy and audit.</source>
        <translation>面向物联网设备的机器学习工作台：采集、标注、训练、压缩、部署与审计。</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>构建所用组件</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>What it will do</source>
        <translation>将提供的功能</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language &quot;%1&quot; is not available in this build.</source>
        <translation>此版本不提供语言“%1”。</translation>
    </message>
    <message>
        <source>Edgewise could not open %1.</source>
        <translation>Edgewise 无法打开 %1。</translation>
    </message>
    <message>
        <source>%1 stays open.</source>
        <translation>%1 保持打开。</translation>
    </message>
    <message>
        <source>Could Not Open Project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Project Not Found</source>
        <translation>找不到项目</translation>
    </message>
    <message>
        <source>%1 no longer exists. It was removed from the list of recent projects.</source>
        <translation>%1 已不存在，已从最近项目列表中移除。</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Edgewise projects (*.%1)</source>
        <translation>Edgewise 项目 (*.%1)</translation>
    </message>
    <message>
        <source>%1 is the project that is open now. Choose another file name.</source>
        <translation>%1 是当前打开的项目。请选择其他文件名。</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>About Edgewise</source>
        <translation>关于 Edgewise</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>The open project file</source>
        <translation>当前打开的项目文件</translation>
    </message>
    <message>
        <source>Broker: not connected</source>
        <translation>代理服务器：未连接</translation>
    </message>
    <message>
        <source>Broker: connecting to %1</source>
        <translation>代理服务器：正在连接 %1</translation>
    </message>
    <message>
        <source>Broker: connected to %1</source>
        <translation>代理服务器：已连接 %1</translation>
    </message>
    <message>
        <source>Broker: reconnecting to %1</source>
        <translation>代理服务器：正在重新连接 %1</translation>
    </message>
    <message>
        <source>Broker: connection to %1 failed</source>
        <translation>代理服务器：连接 %1 失败</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>新建项目(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>打开项目(&amp;O)...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Reset Layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Edgewise</source>
        <translation>关于 Edgewise(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::BrokerSettingsDialog</name>
    <message>
        <source>Broker settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic (edgewise-&lt;random&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept for this session only, never saved to disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: the broker keeps the subscriptions and queues QoS 1/2 messages while away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep-alive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QoS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates and keys (*.pem *.crt *.key *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::CaptureFormat</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished">%1 秒</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished">失败</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::CapturePane</name>
    <message>
        <source>Capture</source>
        <translation type="unfinished">采集</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the current recording first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantine (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ConnectionBar</name>
    <message>
        <source>Broker address: tcp://, mqtt://, ssl:// or mqtts://host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid broker URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not subscribe to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::LivePlotWidget</name>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stacked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One chart for every channel, or one chart per stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished">%1 秒</translation>
    </message>
    <message>
        <source>Time window shown while following live data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the view (Space); drag and wheel-zoom to look back through the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autoscale Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower bound of the Y axis when autoscale is off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper bound of the Y axis when autoscale is off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::QuarantineView</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row to see its error and payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open: malformed payloads are counted (%1 this session) but not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 malformed payloads kept in the project, %2 decode errors this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the quarantine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
(%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RecordingPanel</name>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All subscribed topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record every subscribed topic, or only those ticked in the topic tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected recording (F2 or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a project first: recordings are stored in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No topic is checked in the topic tree: tick the topics to record, or choose &quot;All subscribed topics&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start recording: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording stopped with an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded &quot;%1&quot;: %2 samples in %3 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● %1   %2 samples   %3 messages   %4 pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a project to record (File menu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop recording (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start recording (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open</source>
        <translation type="unfinished">未打开项目</translation>
    </message>
    <message>
        <source>Delete recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the recording &quot;%1&quot; and all its samples? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RecordingsModel</name>
    <message>
        <source>Could not list the recordings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recording needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not rename the recording: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the recording: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application stopped while recording; everything committed before is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ThumbnailStrip</name>
    <message>
        <source>No camera streams yet: image payloads (JPEG/PNG) appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest frame could not be decoded (%1, %2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2×%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::TopicBrowser</name>
    <message>
        <source>Filter topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 topics, %2 messages, %3 decode errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: decoder chosen automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: decoded as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder layout for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ax, ay, az (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record this topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy topic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::TopicTreeModel</name>
    <message>
        <source>Last decode error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last payload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
