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
        <source>The language "%1" is not available in this build.</source>
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
</TS>
