/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-test-util.h: running hearsay-cli from tests the way a script does. */
#pragma once

#include <glib.h>

extern const char *cli_test_binary;
extern const char cli_test_sample_title[];

typedef struct
{
  char *dir;
  char *project;
  char **envp;
  gboolean drop_root;   /* run the CLI as nobody (read-only file test under root) */
} CliTestFixture;

typedef struct
{
  int status;
  char *out;
  char *err;
} CliTestResult;

void          cli_test_result_clear      (CliTestResult      *r);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliTestResult, cli_test_result_clear)

void          cli_test_fixture_setup     (CliTestFixture     *f,
                                          gconstpointer       data);
void          cli_test_fixture_teardown  (CliTestFixture     *f,
                                          gconstpointer       data);
/* Runs hearsay-cli with the NULL-terminated arguments. */
CliTestResult cli_test_run_argv          (CliTestFixture     *f,
                                          const char * const *args);
char         *cli_test_sha256_of_file    (const char         *path);
char         *cli_test_read_file         (const char         *path);
char         *cli_test_write_temp        (CliTestFixture     *f,
                                          const char         *name,
                                          const char         *data,
                                          gssize              length);
char         *cli_test_sample_path       (void);
char         *cli_test_fixture_path      (const char         *name);
void          cli_test_init_project      (CliTestFixture     *f,
                                          const char         *project);
void          cli_test_init_with_sample  (CliTestFixture     *f);
/* Runs a command that must fail with @status, name @words on stderr and
 * leave the project file byte for byte as it was. */
void          cli_test_expect_failure    (CliTestFixture     *f,
                                          int                 status,
                                          const char * const *words,
                                          const char * const *args);
/* The code-point offset of @needle in @text. */
gint64        cli_test_cp_offset         (const char         *text,
                                          const char         *needle);

#define RUN(f, ...) cli_test_run_argv ((f), (const char * const[]) { __VA_ARGS__, NULL })
#define WORDS(...) ((const char * const[]) { __VA_ARGS__, NULL })
#define ARGS(...) ((const char * const[]) { __VA_ARGS__, NULL })
