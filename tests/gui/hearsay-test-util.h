/* hearsay-test-util.h: what the GUI tests share. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* gtk_test_init plus a log writer that makes criticals fatal. */
void     hearsay_test_init           (int          *argc,
                                      char       ***argv);
/* Runs the main loop until nothing is pending. */
void     hearsay_test_iterate        (void);
/* Runs the main loop until @done returns TRUE (or 5 s pass). */
gboolean hearsay_test_wait_for       (gboolean   (*done) (gpointer),
                                      gpointer      data);

G_END_DECLS
