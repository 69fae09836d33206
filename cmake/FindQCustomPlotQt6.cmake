# Finds the Qt 6 build of QCustomPlot shipped by Debian's libqcustomplot-dev
# (library libqcustomplot2.1-qt6, header qcustomplot.h). Defines QCustomPlot::QCustomPlotQt6.
find_path(QCustomPlotQt6_INCLUDE_DIR qcustomplot.h)
find_library(QCustomPlotQt6_LIBRARY NAMES QCustomPlotQt6 qcustomplot-qt6 qcustomplotqt6)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QCustomPlotQt6 REQUIRED_VARS QCustomPlotQt6_LIBRARY
                                  QCustomPlotQt6_INCLUDE_DIR)
if(QCustomPlotQt6_FOUND AND NOT TARGET QCustomPlot::QCustomPlotQt6)
  add_library(QCustomPlot::QCustomPlotQt6 UNKNOWN IMPORTED)
  set_target_properties(QCustomPlot::QCustomPlotQt6 PROPERTIES
    IMPORTED_LOCATION "${QCustomPlotQt6_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${QCustomPlotQt6_INCLUDE_DIR}"
    INTERFACE_COMPILE_DEFINITIONS "QCUSTOMPLOT_USE_LIBRARY"
    INTERFACE_LINK_LIBRARIES "Qt6::Widgets;Qt6::PrintSupport")
endif()
