/* cli-test-util.h: running hearsay-cli from tests the way a script does. */
#pragma once

#include <glib.h>

extern const char *cli_path;
extern const char sample_title[];

typedef struct
{
  char *dir;
  char *project;
  char **envp;
  gboolean drop_root;   /* run the CLI as nobody (read-only file test under root) */
} Fixture;

typedef struct
{
  int status;
  char *out;
  char *err;
} Result;

void     result_clear     (Result             *r);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

void     fixture_setup    (Fixture            *f,
                           gconstpointer       data);
void     fixture_teardown (Fixture            *f,
                           gconstpointer       data);
/* Runs hearsay-cli with the NULL-terminated arguments. */
Result   run_argv         (Fixture            *f,
                           const char * const *args);
char    *sha256_of_file   (const char         *path);
char    *read_file        (const char         *path);
char    *write_temp       (Fixture            *f,
                           const char         *name,
                           const char         *data,
                           gssize              length);
char    *sample_path      (void);
char    *fixture_path     (const char         *name);
void     init_project     (Fixture            *f,
                           const char         *project);
void     init_with_sample (Fixture            *f);
/* Runs a command that must fail with @status, name @words on stderr and
 * leave the project file byte for byte as it was. */
void     expect_failure   (Fixture            *f,
                           int                 status,
                           const char * const *words,
                           const char * const *args);
/* The code-point offset of @needle in @text. */
gint64   cp_offset        (const char         *text,
                           const char         *needle);

#define RUN(f, ...) run_argv ((f), (const char * const[]) { __VA_ARGS__, NULL })
#define WORDS(...) ((const char * const[]) { __VA_ARGS__, NULL })
#define ARGS(...) ((const char * const[]) { __VA_ARGS__, NULL })
