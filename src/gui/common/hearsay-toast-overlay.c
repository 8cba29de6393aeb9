/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-toast-overlay.c: toasts over a child widget — what a delete, an
 * undo or a redo changed, with an Undo button — without libadwaita. Each
 * toast is an alert for assistive technologies (GTK 4.14 and later also
 * announce it), stays while the pointer or the keyboard focus is on it,
 * and times out otherwise. */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-toast-overlay.h"

#define DEFAULT_TIMEOUT_S 6

/* One toast: its text, an optional action button and a close button. */
#define HEARSAY_TYPE_TOAST (hearsay_toast_get_type ())
G_DECLARE_FINAL_TYPE (HearsayToast, hearsay_toast, HEARSAY, TOAST, GtkWidget)

struct _HearsayToast
{
  GtkWidget parent_instance;

  HearsayToastOverlay *overlay;   /* not owned */
  GtkLabel *label;
  GtkButton *button;
  GtkButton *close_button;
  GtkEventController *focus;
  guint timeout;
  gboolean hovered;
};

struct _HearsayToastOverlay
{
  GtkWidget parent_instance;

  GtkOverlay *overlay;
  GtkBox *toasts;
  GtkWidget *child;
  guint timeout_s;
  /* Where the keyboard was before hearsay_toast_overlay_focus(). */
  GWeakRef return_focus;
};

G_DEFINE_FINAL_TYPE (HearsayToast, hearsay_toast, GTK_TYPE_WIDGET)
G_DEFINE_FINAL_TYPE (HearsayToastOverlay, hearsay_toast_overlay, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The toast */

static void
hearsay_toast_dispose (GObject *object)
{
  HearsayToast *self = HEARSAY_TOAST (object);
  GtkWidget *child;

  g_clear_handle_id (&self->timeout, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (hearsay_toast_parent_class)->dispose (object);
}

static void
hearsay_toast_class_init (HearsayToastClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hearsay_toast_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "toast");
  /* An alert: screen readers say it when it appears (GTK 4.8 has no
   * announcement call of its own). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
hearsay_toast_init (HearsayToast *self)
{
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
}

static gboolean
toast_expired (gpointer data)
{
  HearsayToast *toast = data;

  toast->timeout = 0;
  hearsay_toast_overlay_dismiss (toast->overlay, GTK_WIDGET (toast));
  return G_SOURCE_REMOVE;
}

/* Counts down only while nobody is on the toast. */
static void
update_timer (HearsayToast *toast)
{
  gboolean held = toast->hovered ||
                  gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (toast->focus));

  if (held)
    g_clear_handle_id (&toast->timeout, g_source_remove);
  else if (toast->timeout == 0 && toast->overlay->timeout_s > 0)
    toast->timeout = g_timeout_add_seconds (toast->overlay->timeout_s, toast_expired, toast);
}

static void
on_enter (GtkEventControllerMotion *controller,
          double                    x,
          double                    y,
          HearsayToast             *toast)
{
  toast->hovered = TRUE;
  update_timer (toast);
}

static void
on_leave (GtkEventControllerMotion *controller,
          HearsayToast             *toast)
{
  toast->hovered = FALSE;
  update_timer (toast);
}

static void
give_focus_back (HearsayToastOverlay *self)
{
  g_autoptr(GtkWidget) previous = g_weak_ref_get (&self->return_focus);

  g_weak_ref_set (&self->return_focus, NULL);
  if (previous != NULL && gtk_widget_get_mapped (previous))
    gtk_widget_grab_focus (previous);
}

static gboolean
on_escape (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  HearsayToast *toast = HEARSAY_TOAST (widget);
  HearsayToastOverlay *self = toast->overlay;

  hearsay_toast_overlay_dismiss (self, widget);
  give_focus_back (self);
  return TRUE;
}

static void
on_close_clicked (GtkButton    *button,
                  HearsayToast *toast)
{
  HearsayToastOverlay *self = toast->overlay;
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (button));

  hearsay_toast_overlay_dismiss (self, GTK_WIDGET (toast));
  if (had_focus)
    give_focus_back (self);
}

/* Connected after: GtkButton activates its action in its own ::clicked
 * handler (a RUN_LAST signal), which must run before the toast goes. */
static void
on_button_clicked (GtkButton    *button,
                   HearsayToast *toast)
{
  on_close_clicked (button, toast);
}

static HearsayToast *
toast_new (HearsayToastOverlay *self,
           const char          *title,
           const char          *button_label,
           const char          *action_name,
           GVariant            *target)
{
  HearsayToast *toast = g_object_new (HEARSAY_TYPE_TOAST, NULL);
  GtkEventController *controller;
  GtkShortcutController *shortcuts;

  toast->overlay = self;
  gtk_widget_add_css_class (GTK_WIDGET (toast), "app-notification");
  toast->label = GTK_LABEL (gtk_label_new (title));
  gtk_label_set_wrap (toast->label, TRUE);
  gtk_label_set_wrap_mode (toast->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (toast->label, 60);
  gtk_label_set_xalign (toast->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (toast->label), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (toast->label), GTK_ALIGN_CENTER);
  gtk_widget_set_parent (GTK_WIDGET (toast->label), GTK_WIDGET (toast));
  if (button_label != NULL)
    {
      toast->button = GTK_BUTTON (gtk_button_new_with_mnemonic (button_label));
      gtk_widget_set_valign (GTK_WIDGET (toast->button), GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (toast->button), action_name);
      if (target != NULL)
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (toast->button), target);
      g_signal_connect_after (toast->button, "clicked", G_CALLBACK (on_button_clicked), toast);
      gtk_widget_set_parent (GTK_WIDGET (toast->button), GTK_WIDGET (toast));
    }
  toast->close_button = GTK_BUTTON (gtk_button_new_from_icon_name ("window-close-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (toast->close_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (toast->close_button), "circular");
  gtk_widget_set_valign (GTK_WIDGET (toast->close_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (toast->close_button), _("Close"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toast->close_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close the notice"), -1);
  g_signal_connect (toast->close_button, "clicked", G_CALLBACK (on_close_clicked), toast);
  gtk_widget_set_parent (GTK_WIDGET (toast->close_button), GTK_WIDGET (toast));

  gtk_accessible_update_property (GTK_ACCESSIBLE (toast), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_enter), toast);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), toast);
  gtk_widget_add_controller (GTK_WIDGET (toast), controller);
  toast->focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (toast->focus, "notify::contains-focus", G_CALLBACK (update_timer), toast);
  gtk_widget_add_controller (GTK_WIDGET (toast), toast->focus);
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (on_escape, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (toast), GTK_EVENT_CONTROLLER (shortcuts));
  return toast;
}

const char *
hearsay_toast_get_title (GtkWidget *toast)
{
  g_return_val_if_fail (HEARSAY_IS_TOAST (toast), NULL);
  return gtk_label_get_text (HEARSAY_TOAST (toast)->label);
}

GtkButton *
hearsay_toast_get_button (GtkWidget *toast)
{
  g_return_val_if_fail (HEARSAY_IS_TOAST (toast), NULL);
  return HEARSAY_TOAST (toast)->button;
}

GtkButton *
hearsay_toast_get_close_button (GtkWidget *toast)
{
  g_return_val_if_fail (HEARSAY_IS_TOAST (toast), NULL);
  return HEARSAY_TOAST (toast)->close_button;
}

/* The overlay */

GtkWidget *
hearsay_toast_overlay_add (HearsayToastOverlay *self,
                           const char          *title,
                           const char          *button_label,
                           const char          *action_name,
                           GVariant            *target)
{
  HearsayToast *toast;

  g_return_val_if_fail (HEARSAY_IS_TOAST_OVERLAY (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (button_label == NULL || action_name != NULL, NULL);

  if (target != NULL)
    g_variant_ref_sink (target);
  while (hearsay_toast_overlay_get_n_toasts (self) >= HEARSAY_TOAST_OVERLAY_MAX_TOASTS)
    hearsay_toast_overlay_dismiss (self, gtk_widget_get_first_child (GTK_WIDGET (self->toasts)));
  toast = toast_new (self, title, button_label, action_name, target);
  g_clear_pointer (&target, g_variant_unref);
  gtk_box_append (self->toasts, GTK_WIDGET (toast));
  gtk_widget_set_visible (GTK_WIDGET (self->toasts), TRUE);
  update_timer (toast);
#if GTK_CHECK_VERSION (4, 14, 0)
  /* Beyond GDK_VERSION_MAX_ALLOWED (4.8), hence the pragma; the alert
   * role above is what 4.8 offers. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_accessible_announce (GTK_ACCESSIBLE (toast), title, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
  return GTK_WIDGET (toast);
}

void
hearsay_toast_overlay_dismiss (HearsayToastOverlay *self,
                               GtkWidget           *toast)
{
  g_return_if_fail (HEARSAY_IS_TOAST_OVERLAY (self));

  if (toast == NULL || gtk_widget_get_parent (toast) != GTK_WIDGET (self->toasts))
    return;
  g_clear_handle_id (&HEARSAY_TOAST (toast)->timeout, g_source_remove);
  gtk_box_remove (self->toasts, toast);
  if (gtk_widget_get_first_child (GTK_WIDGET (self->toasts)) == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->toasts), FALSE);
}

void
hearsay_toast_overlay_dismiss_all (HearsayToastOverlay *self)
{
  GtkWidget *toast;

  g_return_if_fail (HEARSAY_IS_TOAST_OVERLAY (self));
  while ((toast = gtk_widget_get_first_child (GTK_WIDGET (self->toasts))) != NULL)
    hearsay_toast_overlay_dismiss (self, toast);
}

gboolean
hearsay_toast_overlay_focus (HearsayToastOverlay *self)
{
  GtkWidget *newest;
  HearsayToast *toast;
  GtkRoot *root;

  g_return_val_if_fail (HEARSAY_IS_TOAST_OVERLAY (self), FALSE);

  newest = gtk_widget_get_last_child (GTK_WIDGET (self->toasts));
  if (newest == NULL)
    return FALSE;
  toast = HEARSAY_TOAST (newest);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (root);

      if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->toasts)))
        g_weak_ref_set (&self->return_focus, focus);
    }
  return gtk_widget_grab_focus (GTK_WIDGET (toast->button != NULL ? toast->button : toast->close_button));
}

guint
hearsay_toast_overlay_get_n_toasts (HearsayToastOverlay *self)
{
  guint n = 0;

  g_return_val_if_fail (HEARSAY_IS_TOAST_OVERLAY (self), 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toasts)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

GtkWidget *
hearsay_toast_overlay_get_toast (HearsayToastOverlay *self,
                                 guint                index)
{
  GtkWidget *child;

  g_return_val_if_fail (HEARSAY_IS_TOAST_OVERLAY (self), NULL);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->toasts)); child != NULL && index > 0;
       child = gtk_widget_get_next_sibling (child))
    index--;
  return child;
}

void
hearsay_toast_overlay_set_child (HearsayToastOverlay *self,
                                 GtkWidget           *child)
{
  g_return_if_fail (HEARSAY_IS_TOAST_OVERLAY (self));

  if (self->child == child)
    return;
  self->child = child;
  gtk_overlay_set_child (self->overlay, child);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

GtkWidget *
hearsay_toast_overlay_get_child (HearsayToastOverlay *self)
{
  g_return_val_if_fail (HEARSAY_IS_TOAST_OVERLAY (self), NULL);
  return self->child;
}

void
hearsay_toast_overlay_set_timeout (HearsayToastOverlay *self,
                                   guint                seconds)
{
  g_return_if_fail (HEARSAY_IS_TOAST_OVERLAY (self));

  if (self->timeout_s == seconds)
    return;
  self->timeout_s = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

static void
hearsay_toast_overlay_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HearsayToastOverlay *self = HEARSAY_TOAST_OVERLAY (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout_s);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_toast_overlay_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HearsayToastOverlay *self = HEARSAY_TOAST_OVERLAY (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      hearsay_toast_overlay_set_child (self, g_value_get_object (value));
      break;
    case PROP_TIMEOUT:
      hearsay_toast_overlay_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_toast_overlay_dispose (GObject *object)
{
  HearsayToastOverlay *self = HEARSAY_TOAST_OVERLAY (object);

  if (self->toasts != NULL)
    hearsay_toast_overlay_dismiss_all (self);
  if (self->overlay != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->overlay));
  self->overlay = NULL;
  self->toasts = NULL;
  self->child = NULL;
  g_weak_ref_set (&self->return_focus, NULL);
  G_OBJECT_CLASS (hearsay_toast_overlay_parent_class)->dispose (object);
}

static void
hearsay_toast_overlay_finalize (GObject *object)
{
  HearsayToastOverlay *self = HEARSAY_TOAST_OVERLAY (object);

  g_weak_ref_clear (&self->return_focus);
  G_OBJECT_CLASS (hearsay_toast_overlay_parent_class)->finalize (object);
}

static void
hearsay_toast_overlay_class_init (HearsayToastOverlayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hearsay_toast_overlay_get_property;
  object_class->set_property = hearsay_toast_overlay_set_property;
  object_class->dispose = hearsay_toast_overlay_dispose;
  object_class->finalize = hearsay_toast_overlay_finalize;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, 600, DEFAULT_TIMEOUT_S,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "toastoverlay");
}

static void
hearsay_toast_overlay_init (HearsayToastOverlay *self)
{
  self->timeout_s = DEFAULT_TIMEOUT_S;
  g_weak_ref_init (&self->return_focus, NULL);
  self->overlay = GTK_OVERLAY (gtk_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->overlay), GTK_WIDGET (self));
  self->toasts = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_add_css_class (GTK_WIDGET (self->toasts), "toasts");
  gtk_widget_set_halign (GTK_WIDGET (self->toasts), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->toasts), GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->toasts), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->toasts), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->toasts), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->toasts), FALSE);
  gtk_overlay_add_overlay (self->overlay, GTK_WIDGET (self->toasts));
}

GtkWidget *
hearsay_toast_overlay_new (void)
{
  return g_object_new (HEARSAY_TYPE_TOAST_OVERLAY, NULL);
}
