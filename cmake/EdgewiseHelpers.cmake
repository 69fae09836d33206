# Small helpers so every module's CMakeLists.txt stays a few lines long.

# Warnings and the strict Qt string rules (house style, see docs/ and ARCHITECTURE.md).
function(edgewise_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER QT_NO_KEYWORDS)
endfunction()

# edgewise_add_library(<name> SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
# Creates the static library edgewise_<name> with alias edgewise::<name>; headers are
# included as "core/<module>/<file>.h" from the repository root.
function(edgewise_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  add_library(edgewise_${name} STATIC ${ARG_SOURCES})
  add_library(edgewise::${name} ALIAS edgewise_${name})
  target_include_directories(edgewise_${name} PUBLIC "${PROJECT_SOURCE_DIR}")
  target_link_libraries(edgewise_${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
  edgewise_target_defaults(edgewise_${name})
endfunction()

# edgewise_add_gtest(<name> SOURCES ... LIBS ... [LABELS ...] [PROPERTIES ...])
# A GoogleTest executable whose cases are discovered by ctest.
function(edgewise_add_gtest name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}")
  edgewise_target_defaults(${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  set(_env "EDGEWISE_BIN_DIR=${PROJECT_BINARY_DIR}/bin"
           "EDGEWISE_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
           "EDGEWISE_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data"
           "QT_QPA_PLATFORM=offscreen" ${ARG_ENV})
  # gtest_discover_tests passes PROPERTIES to set_tests_properties() as a flat list, so an
  # ENVIRONMENT with several variables loses all but the first. Instead every discovered test
  # (and the discovery run) goes through `env VAR=value ...`, set as the target's emulator.
  find_program(EDGEWISE_ENV_PROGRAM env REQUIRED)
  set_property(TARGET ${name} PROPERTY CROSSCOMPILING_EMULATOR "${EDGEWISE_ENV_PROGRAM};${_env}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
    PROPERTIES TIMEOUT ${ARG_TIMEOUT} LABELS "${ARG_LABELS}")
endfunction()
