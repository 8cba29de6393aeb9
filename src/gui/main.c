/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the entry point of the Hearsay GUI. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hearsay-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HearsayApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* HEARSAY_LOCALEDIR lets an uninstalled build find its translations. */
  localedir = g_getenv ("HEARSAY_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hearsay_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
