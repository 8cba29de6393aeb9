/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-toast-overlay.h: short notices over a child widget ("Deleted
 * Claim … — Undo"), stacked at the bottom, newest last, each timing out
 * unless the pointer or the keyboard is on it. Announced to assistive
 * technologies as alerts; reachable from the keyboard. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEARSAY_TYPE_TOAST_OVERLAY (hearsay_toast_overlay_get_type ())
G_DECLARE_FINAL_TYPE (HearsayToastOverlay, hearsay_toast_overlay, HEARSAY, TOAST_OVERLAY, GtkWidget)

/* At most this many toasts show at once; a new one pushes the oldest out. */
#define HEARSAY_TOAST_OVERLAY_MAX_TOASTS 3

GtkWidget *hearsay_toast_overlay_new          (void);
void       hearsay_toast_overlay_set_child    (HearsayToastOverlay *self,
                                               GtkWidget           *child);
GtkWidget *hearsay_toast_overlay_get_child    (HearsayToastOverlay *self);
/* Seconds a toast stays (while nobody is on it; 0: until dismissed);
 * the "timeout" property. */
void       hearsay_toast_overlay_set_timeout  (HearsayToastOverlay *self,
                                               guint                seconds);
/* Shows @title (plain text). With @button_label, the toast has a button
 * that activates @action_name with @target (may be NULL; floating refs
 * are taken) and then dismisses the toast. Returns the toast (owned by the
 * overlay) for hearsay_toast_overlay_dismiss(). */
GtkWidget *hearsay_toast_overlay_add          (HearsayToastOverlay *self,
                                               const char          *title,
                                               const char          *button_label,
                                               const char          *action_name,
                                               GVariant            *target);
void       hearsay_toast_overlay_dismiss      (HearsayToastOverlay *self,
                                               GtkWidget           *toast);
void       hearsay_toast_overlay_dismiss_all  (HearsayToastOverlay *self);
/* Moves the keyboard focus to the newest toast's button; Escape there
 * dismisses it and gives the focus back. FALSE when no toast shows. */
gboolean   hearsay_toast_overlay_focus        (HearsayToastOverlay *self);

/* What the toasts show, oldest first (for tests and the shortcut). */
guint       hearsay_toast_overlay_get_n_toasts (HearsayToastOverlay *self);
GtkWidget  *hearsay_toast_overlay_get_toast    (HearsayToastOverlay *self,
                                                guint                index);
const char *hearsay_toast_get_title            (GtkWidget           *toast);
/* The toast's action button, or NULL; and its close button. */
GtkButton  *hearsay_toast_get_button           (GtkWidget           *toast);
GtkButton  *hearsay_toast_get_close_button     (GtkWidget           *toast);

G_END_DECLS
