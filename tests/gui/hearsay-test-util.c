/* hearsay-test-util.c: start-up, logging and main-loop helpers for the GUI
 * tests. */
#include "config.h"

#include "hearsay-test-util.h"

static const char *
get_domain (const GLogField *fields,
            gsize            n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
      return fields[i].value;
  return NULL;
}

/* Xvfb without a window manager or a session bus makes GTK print harmless
 * warnings, so those only fail the test when they are Hearsay's own (no
 * domain); criticals and errors from any domain always fail it. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  GLogWriterOutput ret = g_log_writer_default (level, fields, n_fields, user_data);
  const char *domain = get_domain (fields, n_fields);

  if ((level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR)) ||
      ((level & G_LOG_LEVEL_WARNING) && (domain == NULL || g_str_equal (domain, "Hearsay"))))
    {
      g_printerr ("Bail out! Unexpected message (see above)\n");
      abort ();
    }
  return ret;
}

void
hearsay_test_init (int    *argc,
                   char ***argv)
{
  /* GTK 4 would look for the accessibility bus on the session bus. */
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_log_set_writer_func (log_writer, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  /* g_test_init() makes every warning fatal; the writer decides instead. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
}

void
hearsay_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

gboolean
hearsay_test_wait_for (gboolean (*done) (gpointer),
                       gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  hearsay_test_iterate ();
  return TRUE;
}
