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
        <translation>代理服务器设置</translation>
    </message>
    <message>
        <source>automatic (edgewise-&lt;random&gt;)</source>
        <translation>自动 (edgewise-&lt;随机&gt;)</translation>
    </message>
    <message>
        <source>Kept for this session only, never saved to disk</source>
        <translation>仅在本次会话中保留，从不保存到磁盘</translation>
    </message>
    <message>
        <source>Clean session</source>
        <translation>清除会话</translation>
    </message>
    <message>
        <source>Off: the broker keeps the subscriptions and queues QoS 1/2 messages while away</source>
        <translation>关闭：离线期间代理服务器保留订阅并缓存 QoS 1/2 消息</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation>自动重新连接</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>客户端 ID：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Keep-alive:</source>
        <translation>保活间隔：</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA 文件：</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>客户端证书：</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>客户端密钥：</translation>
    </message>
    <message>
        <source>Client private key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Topic filter</source>
        <translation>主题过滤器</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Certificates and keys (*.pem *.crt *.key *.cer);;All files (*)</source>
        <translation>证书和密钥 (*.pem *.crt *.key *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::CaptureFormat</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>正在重新连接</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录制中</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::CapturePane</name>
    <message>
        <source>Capture</source>
        <translation>采集</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>隔离区</translation>
    </message>
    <message>
        <source>Stop the current recording first</source>
        <translation>请先停止当前录制</translation>
    </message>
    <message>
        <source>Quarantine (%1)</source>
        <translation>隔离区 (%1)</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ConnectionBar</name>
    <message>
        <source>Broker address: tcp://, mqtt://, ssl:// or mqtts://host:port</source>
        <translation>代理服务器地址：tcp://、mqtt://、ssl:// 或 mqtts://主机:端口</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Settings...</source>
        <translation>设置...</translation>
    </message>
    <message>
        <source>Broker:</source>
        <translation>代理服务器：</translation>
    </message>
    <message>
        <source>Invalid broker URL: %1</source>
        <translation>无效的代理服务器 URL：%1</translation>
    </message>
    <message>
        <source>Could not subscribe to %1: %2</source>
        <translation>无法订阅 %1：%2</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::LivePlotWidget</name>
    <message>
        <source>Channels</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>One chart</source>
        <translation>单个图表</translation>
    </message>
    <message>
        <source>Stacked</source>
        <translation>堆叠</translation>
    </message>
    <message>
        <source>One chart for every channel, or one chart per stream</source>
        <translation>所有通道一个图表，或每个数据流一个图表</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Time window shown while following live data</source>
        <translation>跟随实时数据时显示的时间窗口</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Freeze the view (Space); drag and wheel-zoom to look back through the history</source>
        <translation>冻结视图（空格键）；拖动并滚轮缩放以回看历史</translation>
    </message>
    <message>
        <source>Autoscale Y</source>
        <translation>Y 轴自动缩放</translation>
    </message>
    <message>
        <source>min </source>
        <translation>最小 </translation>
    </message>
    <message>
        <source>max </source>
        <translation>最大 </translation>
    </message>
    <message>
        <source>Lower bound of the Y axis when autoscale is off</source>
        <translation>关闭自动缩放时 Y 轴的下限</translation>
    </message>
    <message>
        <source>Upper bound of the Y axis when autoscale is off</source>
        <translation>关闭自动缩放时 Y 轴的上限</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>布局：</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>窗口：</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::QuarantineView</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Select a row to see its error and payload</source>
        <translation>选择一行以查看其错误和负载</translation>
    </message>
    <message>
        <source>No project open: malformed payloads are counted (%1 this session) but not kept.</source>
        <translation>未打开项目：格式错误的负载只计数（本次会话 %1 条），不保存。</translation>
    </message>
    <message>
        <source>%1 malformed payloads kept in the project, %2 decode errors this session</source>
        <translation>项目中保存了 %1 条格式错误的负载，本次会话 %2 个解码错误</translation>
    </message>
    <message>
        <source>Could not read the quarantine: %1</source>
        <translation>无法读取隔离区：%1</translation>
    </message>
    <message>
        <source>
(%1 bytes)</source>
        <translation>
(%1 字节)</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RecordingPanel</name>
    <message>
        <source>Record</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>Recording name (optional)</source>
        <translation>录制名称（可选）</translation>
    </message>
    <message>
        <source>All subscribed topics</source>
        <translation>所有已订阅主题</translation>
    </message>
    <message>
        <source>Checked topics</source>
        <translation>已勾选的主题</translation>
    </message>
    <message>
        <source>Record every subscribed topic, or only those ticked in the topic tree</source>
        <translation>录制所有已订阅主题，或仅录制主题树中勾选的主题</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>导出 CSV...</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename the selected recording (F2 or double-click)</source>
        <translation>重命名所选录制（F2 或双击）</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>录制列表</translation>
    </message>
    <message>
        <source>Open or create a project first: recordings are stored in it.</source>
        <translation>请先打开或创建项目：录制内容保存在项目中。</translation>
    </message>
    <message>
        <source>No topic is checked in the topic tree: tick the topics to record, or choose &quot;All subscribed topics&quot;.</source>
        <translation>主题树中没有勾选任何主题：请勾选要录制的主题，或选择“所有已订阅主题”。</translation>
    </message>
    <message>
        <source>Could not start recording: %1</source>
        <translation>无法开始录制：%1</translation>
    </message>
    <message>
        <source>Recording started</source>
        <translation>录制已开始</translation>
    </message>
    <message>
        <source>Recording stopped with an error: %1</source>
        <translation>录制因错误而停止：%1</translation>
    </message>
    <message>
        <source>Recorded &quot;%1&quot;: %2 samples in %3 messages</source>
        <translation>已录制“%1”：%3 条消息中的 %2 个样本</translation>
    </message>
    <message>
        <source>● %1   %2 samples   %3 messages   %4 pending</source>
        <translation>● %1   %2 个样本   %3 条消息   %4 条待写入</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Open or create a project to record (File menu)</source>
        <translation>请打开或创建项目以进行录制（文件菜单）</translation>
    </message>
    <message>
        <source>Stop recording (Ctrl+R)</source>
        <translation>停止录制 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Start recording (Ctrl+R)</source>
        <translation>开始录制 (Ctrl+R)</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>Delete recording</source>
        <translation>删除录制</translation>
    </message>
    <message>
        <source>Delete the recording &quot;%1&quot; and all its samples? This cannot be undone.</source>
        <translation>删除录制“%1”及其所有样本？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <source>Export CSV %1</source>
        <translation>导出 CSV %1</translation>
    </message>
    <message>
        <source>Opening the project</source>
        <translation>正在打开项目</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Exporting to %1...</source>
        <translation>正在导出到 %1...</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RecordingsModel</name>
    <message>
        <source>Could not list the recordings: %1</source>
        <translation>无法列出录制：%1</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <source>A recording needs a name.</source>
        <translation>录制需要一个名称。</translation>
    </message>
    <message>
        <source>Could not rename the recording: %1</source>
        <translation>无法重命名录制：%1</translation>
    </message>
    <message>
        <source>Could not delete the recording: %1</source>
        <translation>无法删除录制：%1</translation>
    </message>
    <message>
        <source>The application stopped while recording; everything committed before is kept.</source>
        <translation>应用程序在录制时停止；此前已提交的内容均已保留。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>数据流</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ThumbnailStrip</name>
    <message>
        <source>No camera streams yet: image payloads (JPEG/PNG) appear here.</source>
        <translation>暂无摄像头数据流：图像负载（JPEG/PNG）会显示在这里。</translation>
    </message>
    <message>
        <source>The latest frame could not be decoded (%1, %2 bytes)</source>
        <translation>无法解码最新一帧（%1，%2 字节）</translation>
    </message>
    <message>
        <source>%1
%2×%3</source>
        <translation>%1
%2×%3</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::TopicBrowser</name>
    <message>
        <source>Filter topics</source>
        <translation>过滤主题</translation>
    </message>
    <message>
        <source>%1 topics, %2 messages, %3 decode errors</source>
        <translation>%1 个主题，%2 条消息，%3 个解码错误</translation>
    </message>
    <message>
        <source>%1: decoder chosen automatically</source>
        <translation>%1：自动选择解码器</translation>
    </message>
    <message>
        <source>%1: decoded as %2</source>
        <translation>%1：按 %2 解码</translation>
    </message>
    <message>
        <source>Decoder layout for %1</source>
        <translation>%1 的解码器布局</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>ax, ay, az (optional)</source>
        <translation>ax, ay, az（可选）</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>通道：</translation>
    </message>
    <message>
        <source>Sample rate:</source>
        <translation>采样率：</translation>
    </message>
    <message>
        <source>Channel names:</source>
        <translation>通道名称：</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>绘图</translation>
    </message>
    <message>
        <source>Record this topic</source>
        <translation>录制此主题</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Copy topic</source>
        <translation>复制主题</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::TopicTreeModel</name>
    <message>
        <source>Last decode error: %1</source>
        <translation>最近的解码错误：%1</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation>消息/秒</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>Last payload</source>
        <translation>最近负载</translation>
    </message>
</context>
</TS>
