/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-workbench.c: the workbench commands of hearsay-cli — relate,
 * entity, doc set, fragment add, undo and redo — and their refusals. */
#include <string.h>

#include "cli-test-util.h"

static gint64
created_id (CliTestResult *r)
{
  gint64 id = 0;

  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (g_str_has_suffix (r->out, "\n"));
  g_assert_true (g_ascii_string_to_signed (g_strstrip (r->out), 10, 1, G_MAXINT64, &id, NULL));
  return id;
}

static char *
span (CliTestFixture    *f,
      const char *label,
      const char *needle)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *text = cli_test_read_file (sample);
  gint64 start = cli_test_cp_offset (text, needle);
  g_autofree char *s = g_strdup_printf ("%" G_GINT64_FORMAT, start);
  g_autofree char *e = g_strdup_printf ("%" G_GINT64_FORMAT, start + g_utf8_strlen (needle, -1));
  g_auto(CliTestResult) r = RUN (f, "--project", f->project, "annotate", "--document", "1",
                          "--label", label, "--start", s, "--end", e);

  return g_strdup_printf ("%" G_GINT64_FORMAT, created_id (&r));
}

static void
test_relate (CliTestFixture       *f,
             gconstpointer  data)
{
  g_autofree char *content = NULL, *source = NULL, *sana = NULL;
  g_auto(CliTestResult) r = { 0 };

  cli_test_init_with_sample (f);
  content = span (f, "attributed_content", "«Des unités de l'Armée arabe syrienne");
  source = span (f, "source_mention", "une source militaire");
  sana = span (f, "source_mention", "l'agence de presse d'Etat syrienne Sana");

  r = RUN (f, "--project", f->project, "relate", "--type", "attributed_to", "--from", content, "--to", source);
  g_assert_cmpint (created_id (&r), ==, 1);
  cli_test_result_clear (&r);
  r = RUN (f, "--project", f->project, "relate", "--type", "relayed_by", "--from", source, "--to", sana);
  g_assert_cmpint (created_id (&r), ==, 2);

  /* The scheme's rule refuses the reverse direction, and says so. */
  cli_test_expect_failure (f, 1, WORDS ("attributed_to", "goes from claim, attributed_content to source_mention"),
                  ARGS ("--project", f->project, "relate", "--type", "attributed_to", "--from", source,
                        "--to", content));
  cli_test_expect_failure (f, 1, WORDS ("Unknown relation type “quotes”"),
                  ARGS ("--project", f->project, "relate", "--type", "quotes", "--from", source, "--to", content));
  cli_test_expect_failure (f, 1, WORDS ("There is no annotation 99"),
                  ARGS ("--project", f->project, "relate", "--type", "attributed_to", "--from", "99", "--to", source));
  cli_test_expect_failure (f, 2, WORDS ("--from needs a positive number"),
                  ARGS ("--project", f->project, "relate", "--type", "attributed_to", "--from", "x", "--to", source));
  cli_test_expect_failure (f, 2, WORDS ("--type is required"),
                  ARGS ("--project", f->project, "relate", "--from", content, "--to", source));
}

static void
test_entities (CliTestFixture       *f,
               gconstpointer  data)
{
  g_autofree char *sana = NULL;
  g_autofree char *export = NULL;
  g_auto(CliTestResult) r = { 0 };

  cli_test_init_with_sample (f);
  sana = span (f, "source_mention", "l'agence de presse d'Etat syrienne Sana");
  r = RUN (f, "--project", f->project, "entity", "add", "--name", "SANA", "--kind", "state_news_agency",
           "--state-affiliated", "yes", "--alias", "Sana", "--alias", "Syrian Arab News Agency");
  g_assert_cmpint (created_id (&r), ==, 1);
  cli_test_result_clear (&r);

  r = RUN (f, "--project", f->project, "entity", "list");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\tSANA\tstate_news_agency\tyes\tSana;Syrian Arab News Agency\n");
  cli_test_result_clear (&r);

  r = RUN (f, "--project", f->project, "entity", "link", "--annotation", sana, "--entity", "1");
  g_assert_cmpint (created_id (&r), ==, 1);
  cli_test_result_clear (&r);

  r = RUN (f, "--project", f->project, "export", "--format", "jsonl");
  {
    g_autofree char *link = g_strdup_printf ("\"type\":\"refers_to\",\"from\":%s,\"to_entity\":1", sana);

    g_assert_nonnull (strstr (r.out, link));
  }
  g_assert_nonnull (strstr (r.out, "\"entities\":[{\"id\":1,\"name\":\"SANA\""));

  cli_test_expect_failure (f, 1, WORDS ("Unknown entity kind “agency”", "state_news_agency"),
                  ARGS ("--project", f->project, "entity", "add", "--name", "X", "--kind", "agency"));
  cli_test_expect_failure (f, 1, WORDS ("yes, no or unclear"),
                  ARGS ("--project", f->project, "entity", "add", "--name", "X", "--kind", "unknown",
                        "--state-affiliated", "maybe"));
  cli_test_expect_failure (f, 2, WORDS ("--name and --kind are required"),
                  ARGS ("--project", f->project, "entity", "add", "--name", "X"));
  cli_test_expect_failure (f, 2, WORDS ("entity add"), ARGS ("--project", f->project, "entity", "remove"));
}

static void
test_doc_set (CliTestFixture       *f,
              gconstpointer  data)
{
  g_auto(CliTestResult) r = { 0 };

  cli_test_init_with_sample (f);
  r = RUN (f, "--project", f->project, "doc", "set", "--document", "1", "genre=reporting",
           "frames=security_and_defense, political", "primary_frame=security_and_defense",
           "tone=negative", "title=Deir ez-Zor", "url=https://francais.rt.com/international/44979");
  g_assert_cmpint (r.status, ==, 0);
  cli_test_result_clear (&r);

  r = RUN (f, "--project", f->project, "export", "--format", "jsonl");
  g_assert_nonnull (strstr (r.out, "\"title\":\"Deir ez-Zor\""));
  g_assert_nonnull (strstr (r.out, "\"fields\":{\"frames\":[\"political\",\"security_and_defense\"],"
                    "\"genre\":\"reporting\",\"primary_frame\":\"security_and_defense\","
                    "\"tone\":\"negative\"}"));
  cli_test_result_clear (&r);

  r = RUN (f, "--project", f->project, "list");
  g_assert_cmpstr (r.out, ==, "1\tDeir ez-Zor\tRT en français\t11\n");

  cli_test_expect_failure (f, 1, WORDS ("“poetry” is not a value of “genre”", "reporting, opinion, satire"),
                  ARGS ("--project", f->project, "doc", "set", "--document", "1", "genre=poetry"));
  cli_test_expect_failure (f, 1, WORDS ("“2017-13-45” is not a date"),
                  ARGS ("--project", f->project, "doc", "set", "--document", "1", "published_at=2017-13-45"));
  cli_test_expect_failure (f, 2, WORDS ("“colour” is not a document field"),
                  ARGS ("--project", f->project, "doc", "set", "--document", "1", "colour=red"));
  cli_test_expect_failure (f, 1, WORDS ("There is no document 7"),
                  ARGS ("--project", f->project, "doc", "set", "--document", "7", "tone=neutral"));
}

static void
test_fragment_undo (CliTestFixture       *f,
                    gconstpointer  data)
{
  g_autofree char *claim = NULL;
  g_auto(CliTestResult) r = { 0 };

  cli_test_init_with_sample (f);
  claim = span (f, "claim", "Daesh avait été chassée de la ville de Deir ez-Zor");
  r = RUN (f, "--project", f->project, "fragment", "add", "--annotation", claim, "--start", "0", "--end", "15");
  g_assert_cmpint (r.status, ==, 0);
  cli_test_result_clear (&r);

  r = RUN (f, "--project", f->project, "export", "--format", "csv", "--exclude-boilerplate");
  {
    g_auto(GStrv) rows = g_strsplit (r.out, "\r\n", -1);

    /* The header, two fragments, and the empty string after the last CRLF. */
    g_assert_cmpuint (g_strv_length (rows), ==, 4);
  }
  cli_test_result_clear (&r);

  cli_test_expect_failure (f, 1, WORDS ("must not overlap"),
                  ARGS ("--project", f->project, "fragment", "add", "--annotation", claim, "--start", "5",
                        "--end", "20"));

  r = RUN (f, "--project", f->project, "undo");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "Add Fragment\n");
  cli_test_result_clear (&r);
  r = RUN (f, "--project", f->project, "undo");
  g_assert_cmpstr (r.out, ==, "Add Claim\n");
  cli_test_result_clear (&r);
  r = RUN (f, "--project", f->project, "list");
  g_assert_nonnull (strstr (r.out, "\t11\n"));
  cli_test_result_clear (&r);
  r = RUN (f, "--project", f->project, "redo");
  g_assert_cmpstr (r.out, ==, "Add Claim\n");
  cli_test_result_clear (&r);
  r = RUN (f, "--project", f->project, "undo");
  g_assert_cmpstr (r.out, ==, "Add Claim\n");
  cli_test_expect_failure (f, 1, WORDS ("There is nothing to undo"), ARGS ("--project", f->project, "undo"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cli_test_binary = argc > 1 ? argv[1] : g_getenv ("HEARSAY_CLI");
  if (cli_test_binary == NULL)
    {
      g_printerr ("usage: %s PATH-TO-hearsay-cli\n", argv[0]);
      return 2;
    }

#define ADD(path, func) g_test_add (path, CliTestFixture, NULL, cli_test_fixture_setup, func, cli_test_fixture_teardown)
  ADD ("/cli/workbench/relate", test_relate);
  ADD ("/cli/workbench/entities", test_entities);
  ADD ("/cli/workbench/doc-set", test_doc_set);
  ADD ("/cli/workbench/fragment-undo", test_fragment_undo);
#undef ADD

  return g_test_run ();
}
