/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-xmi.c: UIMA CAS XMI (XML 1.0), as INCEpTION exports it with
 * the DKPro Core types. Parsed with hearsay_xml_read() (no entities, no
 * network).
 *
 * The text is the _InitialView sofa's sofaString; annotations are elements
 * whose namespace names the type's package ("http:///webanno/custom.ecore" →
 * webanno.custom) with begin and end in UTF-16 code units (Java's), unless
 * the user names another unit. Tokens and sentences are the text's
 * segmentation, not annotations. An element with Governor and Dependent is a
 * relation; a chain head's first/next links make one relation per link,
 * typed by its referenceRelation; a feature listing link structures that
 * have a target (INCEpTION's slot features) makes a relation per slot,
 * typed by its role. A multi-valued string feature is inline child elements
 * or a cas:StringArray. DocumentMetaData gives title, language and a web
 * documentUri; webanno.custom.HearsayDocument (Hearsay's) outlet, date and
 * fields; any other document-level layer (an element with a sofa but no
 * offsets) becomes document fields. Without the type system (TypeSystem.xml),
 * any other attribute is read as a string feature. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "hearsay-error.h"
#include "hearsay-import-cas-private.h"
#include "hearsay-xml-safety.h"

#define XMI_NS "http://www.omg.org/XMI"
#define CAS_NS "http:///uima/cas.ecore"
#define METADATA_TYPE "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
#define DOCUMENT_ANNOTATION "uima.tcas.DocumentAnnotation"

typedef struct
{
  HearsayImportContext *ctx;
  const char *path;
  HearsayCasDocument *cas;
  GHashTable *by_id;       /* xmi:id → xmlNode */
  GHashTable *spans;       /* xmi:id → HearsayCasSpan */
  char *sofa_id;
  HearsayOffsetConvention convention;
  HearsayOffsetReader *reader;
  guint n_other_views;
  guint n_token_relations;
} Xmi;

/* g_set_str() is GLib 2.76. */
static void
set_str (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static char *
xmi_id (xmlNode *node)
{
  xmlChar *value = xmlGetNsProp (node, BAD_CAST "id", BAD_CAST XMI_NS);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* "http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore" + NamedEntity
 * → "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity". */
static char *
type_name (xmlNode *node)
{
  const char *href = node->ns ? (const char *) node->ns->href : NULL;
  g_autofree char *package = NULL;

  if (href == NULL || !g_str_has_prefix (href, "http:///") || !g_str_has_suffix (href, ".ecore"))
    return g_strdup ((const char *) node->name);
  package = g_strndup (href + 8, strlen (href) - 8 - 6);
  g_strdelimit (package, "/", '.');
  return g_strconcat (package, ".", (const char *) node->name, NULL);
}

static gboolean
is_cas (xmlNode    *node,
        const char *name)
{
  return node->ns != NULL && g_strcmp0 ((const char *) node->ns->href, CAS_NS) == 0 &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

static gboolean
is_structure (const char *name)
{
  return g_str_equal (name, "sofa") || g_str_equal (name, "begin") || g_str_equal (name, "end");
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup (content ? (const char *) content : "");

  xmlFree (content);
  return copy;
}

/* A multi-valued string given as a reference to a cas:StringArray. */
static gboolean
string_array (Xmi        *x,
              const char *value,
              GHashTable *features,
              const char *name)
{
  xmlNode *array = g_hash_table_lookup (x->by_id, value);

  if (array == NULL || !is_cas (array, "StringArray"))
    return FALSE;
  for (xmlNode *c = array->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) c->name, "elements") == 0)
      {
        g_autofree char *text = node_text (c);

        hearsay_cas_add_feature_value (features, name, text);
      }
  return TRUE;
}

/* The xmi:ids of link structures with a target (slot features), or NULL. */
static char **
slot_links (Xmi        *x,
            const char *value)
{
  g_auto(GStrv) ids = g_strsplit (value, " ", -1);

  if (ids[0] == NULL || *ids[0] == '\0')
    return NULL;
  for (guint i = 0; ids[i]; i++)
    {
      xmlNode *link = g_hash_table_lookup (x->by_id, ids[i]);
      g_autofree char *target = link ? prop (link, "target") : NULL;
      g_autofree char *begin = link ? prop (link, "begin") : NULL;

      if (target == NULL || begin != NULL)
        return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Attributes and child elements as features, except @skip (NULL-ended). */
static void
read_features (Xmi                *x,
               xmlNode            *node,
               GHashTable         *features,
               const char * const *skip,
               GPtrArray          *slots)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      const char *name = (const char *) a->name;
      g_autofree char *value = NULL;
      gboolean skipped = a->ns != NULL || is_structure (name);

      for (guint i = 0; skip && skip[i] && !skipped; i++)
        skipped = g_str_equal (skip[i], name);
      if (skipped)
        continue;
      value = prop (node, name);
      if (value == NULL || string_array (x, value, features, name))
        continue;
      if (slots != NULL)
        {
          char **links = slot_links (x, value);

          if (links != NULL)
            {
              g_ptr_array_add (slots, g_strdup (name));
              g_ptr_array_add (slots, links);
              continue;
            }
        }
      hearsay_cas_set_feature (features, name, value);
    }
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        g_autofree char *text = node_text (c);

        hearsay_cas_add_feature_value (features, (const char *) c->name, text);
      }
}

static gboolean
offsets (Xmi      *x,
         xmlNode  *node,
         gint64   *begin,
         gint64   *end,
         GError  **error)
{
  g_autofree char *b = prop (node, "begin");
  g_autofree char *e = prop (node, "end");
  char *rest = NULL;
  gint64 fb, fe;

  if (e == NULL)
    return hearsay_import_fail (error, x->path, xmlGetLineNo (node), _("begin without end"));
  fb = g_ascii_strtoll (b, &rest, 10);
  if (rest == b || *rest != '\0')
    return hearsay_import_fail (error, x->path, xmlGetLineNo (node), _("begin “%s” is not a number"), b);
  fe = g_ascii_strtoll (e, &rest, 10);
  if (rest == e || *rest != '\0')
    return hearsay_import_fail (error, x->path, xmlGetLineNo (node), _("end “%s” is not a number"), e);
  return hearsay_import_convert_span (x->reader, &x->convention, fb, fe, begin, end, x->path,
                                      xmlGetLineNo (node), error);
}

static void
read_metadata (Xmi     *x,
               xmlNode *node)
{
  g_autofree char *title = prop (node, "documentTitle");
  g_autofree char *language = prop (node, "language");
  g_autofree char *uri = prop (node, "documentUri");

  if (title != NULL && *title != '\0' && x->cas->title == NULL)
    x->cas->title = g_steal_pointer (&title);
  if (language != NULL && *language != '\0' && g_strcmp0 (language, "x-unspecified") != 0 &&
      x->cas->language == NULL)
    x->cas->language = g_steal_pointer (&language);
  if (uri != NULL && (g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "https://")))
    set_str (&x->cas->url, uri);
}

/* A document-level element: Hearsay's own, or another layer's features as
 * document fields ("value" named after the layer). */
static void
read_document_layer (Xmi        *x,
                     xmlNode    *node,
                     const char *type)
{
  g_autoptr(GHashTable) features = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_strfreev);
  gboolean ours = g_str_equal (type, HEARSAY_CAS_DOCUMENT_TYPE);
  GHashTableIter iter;
  gpointer key, value;

  read_features (x, node, features, NULL, NULL);
  g_hash_table_iter_init (&iter, features);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = key;
      char **values = value;

      if (ours && g_str_equal (name, "outlet"))
        set_str (&x->cas->outlet, values[0]);
      else if (ours && g_str_equal (name, "published_at"))
        set_str (&x->cas->published_at, values[0]);
      else if (!ours && g_str_equal (name, "value"))
        g_hash_table_insert (x->cas->fields, g_strdup (hearsay_cas_short_name (type)), g_strdupv (values));
      else
        g_hash_table_insert (x->cas->fields, g_strdup (name), g_strdupv (values));
    }
}

static HearsayCasSpan *
span_of (Xmi        *x,
         const char *id)
{
  return id != NULL ? g_hash_table_lookup (x->spans, id) : NULL;
}

static gboolean
read_spans (Xmi      *x,
            xmlNode  *root,
            GPtrArray *slot_spans,
            GError  **error)
{
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *type = NULL, *sofa = NULL, *begin = NULL, *gov = NULL, *id = NULL;
      g_autoptr(GPtrArray) slots = NULL;
      HearsayCasSpan *span;
      gint64 b, e;
      static const char * const skip[] = { "next", NULL };

      if (node->type != XML_ELEMENT_NODE || (node->ns && g_strcmp0 ((const char *) node->ns->href, CAS_NS) == 0))
        continue;
      type = type_name (node);
      sofa = prop (node, "sofa");
      begin = prop (node, "begin");
      gov = prop (node, "Governor");
      if (sofa != NULL && g_strcmp0 (sofa, x->sofa_id) != 0)
        {
          x->n_other_views++;
          continue;
        }
      if (g_str_equal (type, METADATA_TYPE) || g_str_equal (type, DOCUMENT_ANNOTATION))
        {
          read_metadata (x, node);
          continue;
        }
      if (begin == NULL)
        {
          g_autofree char *first = prop (node, "first");

          if (sofa != NULL && first == NULL)
            read_document_layer (x, node, type);
          continue;
        }
      /* Segmentation, and DKPro's and INCEpTION's own metadata (tagset
       * descriptions, the CAS's bookkeeping), are not annotations. */
      if (g_str_equal (type, HEARSAY_CAS_TOKEN) || g_str_equal (type, HEARSAY_CAS_SENTENCE) || gov != NULL ||
          g_str_has_prefix (type, "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.") ||
          g_str_has_prefix (type, "de.tudarmstadt.ukp.clarin.webanno.api.type."))
        continue;
      if (!offsets (x, node, &b, &e, error))
        return FALSE;
      span = hearsay_cas_add_span (x->cas, type, b, e, xmlGetLineNo (node));
      slots = g_ptr_array_new ();
      read_features (x, node, span->features, skip, slots);
      if ((id = xmi_id (node)) != NULL)
        g_hash_table_insert (x->spans, g_steal_pointer (&id), span);
      for (guint i = 0; i + 1 < slots->len; i += 2)
        {
          g_ptr_array_add (slot_spans, span);
          g_ptr_array_add (slot_spans, g_ptr_array_index (slots, i));
          g_ptr_array_add (slot_spans, g_ptr_array_index (slots, i + 1));
        }
    }
  return TRUE;
}

static void
read_relations (Xmi     *x,
                xmlNode *root)
{
  static const char * const skip[] = { "Governor", "Dependent", NULL };

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *gov = NULL, *dep = NULL, *sofa = NULL, *type = NULL;
      HearsayCasSpan *from, *to;
      HearsayCasRelation *rel;

      if (node->type != XML_ELEMENT_NODE || (gov = prop (node, "Governor")) == NULL ||
          (dep = prop (node, "Dependent")) == NULL)
        continue;
      sofa = prop (node, "sofa");
      if (sofa != NULL && g_strcmp0 (sofa, x->sofa_id) != 0)
        continue;
      from = span_of (x, gov);
      to = span_of (x, dep);
      if (from == NULL || to == NULL)
        {
          x->n_token_relations++;
          continue;
        }
      type = type_name (node);
      rel = hearsay_cas_add_relation (x->cas, type, from, to, xmlGetLineNo (node));
      read_features (x, node, rel->features, skip, NULL);
    }
}

/* Chain heads (first) and their links (next). */
static void
read_chains (Xmi     *x,
             xmlNode *root)
{
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *first = NULL, *begin = NULL;
      g_autoptr(GHashTable) visited = NULL;
      char *id;

      if (node->type != XML_ELEMENT_NODE || (first = prop (node, "first")) == NULL ||
          (begin = prop (node, "begin")) != NULL)
        continue;
      visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      id = g_strdup (first);
      while (id != NULL && !g_hash_table_contains (visited, id))
        {
          xmlNode *link = g_hash_table_lookup (x->by_id, id);
          HearsayCasSpan *from = span_of (x, id);
          char *next = link ? prop (link, "next") : NULL;
          HearsayCasSpan *to = span_of (x, next);

          g_hash_table_add (visited, id);
          if (from != NULL)
            from->chain = TRUE;
          if (from != NULL && to != NULL)
            {
              const char *name = hearsay_cas_get_feature (from->features, "referenceRelation");
              HearsayCasRelation *rel = hearsay_cas_add_relation (x->cas, from->type, from, to, from->line);

              if (name != NULL)
                rel->label = g_strdup (name);
              else
                {
                  const char *base = hearsay_cas_short_name (from->type);
                  gsize n = strlen (base);
                  g_autofree char *cut = g_strndup (base, g_str_has_suffix (base, "Link") && n > 4 ? n - 4 : n);

                  rel->label = hearsay_import_identifier (cut);
                }
            }
          id = next;
        }
      g_free (id);
    }
  for (guint i = 0; i < x->cas->spans->len; i++)
    {
      HearsayCasSpan *span = g_ptr_array_index (x->cas->spans, i);

      if (span->chain)
        g_hash_table_remove (span->features, "referenceRelation");
    }
}

static void
read_slots (Xmi       *x,
            GPtrArray *slot_spans)
{
  for (guint i = 0; i + 2 < slot_spans->len; i += 3)
    {
      HearsayCasSpan *span = g_ptr_array_index (slot_spans, i);
      const char *feature = g_ptr_array_index (slot_spans, i + 1);
      char **links = g_ptr_array_index (slot_spans, i + 2);

      for (guint k = 0; links[k]; k++)
        {
          xmlNode *link = g_hash_table_lookup (x->by_id, links[k]);
          g_autofree char *target = prop (link, "target");
          g_autofree char *role = prop (link, "role");
          HearsayCasSpan *to = span_of (x, target);
          HearsayCasRelation *rel;

          if (to == NULL)
            {
              x->n_token_relations++;
              continue;
            }
          rel = hearsay_cas_add_relation (x->cas, span->type, span, to, span->line);
          rel->label = g_strdup (role != NULL && *role != '\0' ? role : feature);
        }
    }
}

HearsayCasDocument *
hearsay_import_xmi_parse (HearsayImportContext  *ctx,
                          const char            *path,
                          GError               **error)
{
  static const HearsayOffsetConvention java = { HEARSAY_OFFSET_UTF16, FALSE, FALSE };
  g_autoptr(GBytes) bytes = hearsay_import_read_file (path, HEARSAY_MAX_IMPORT_BYTES, error);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) slot_spans = NULL;
  Xmi x = { ctx, path, NULL };
  xmlNode *root, *sofa = NULL;
  const char *data;
  gsize size;
  gboolean ok;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  doc = hearsay_xml_read (data, size, path, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (root == NULL || root->ns == NULL || g_strcmp0 ((const char *) root->ns->href, XMI_NS) != 0 ||
      g_strcmp0 ((const char *) root->name, "XMI") != 0)
    {
      hearsay_import_fail (error, path, root ? xmlGetLineNo (root) : 0,
                           _("not a UIMA CAS XMI file: the root element is not xmi:XMI"));
      return NULL;
    }
  x.by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      char *id;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if ((id = xmi_id (node)) != NULL)
        g_hash_table_insert (x.by_id, id, node);
      if (is_cas (node, "Sofa"))
        {
          g_autofree char *name = prop (node, "sofaID");

          if (sofa == NULL || g_strcmp0 (name, "_InitialView") == 0)
            sofa = node;
        }
    }
  if (sofa == NULL || (x.sofa_id = xmi_id (sofa)) == NULL)
    {
      g_hash_table_unref (x.by_id);
      hearsay_import_fail (error, path, 0, _("the file has no cas:Sofa with the text"));
      return NULL;
    }
  x.cas = hearsay_cas_document_new ();
  x.cas->text = prop (sofa, "sofaString");
  if (x.cas->text == NULL)
    {
      g_hash_table_unref (x.by_id);
      g_free (x.sofa_id);
      hearsay_cas_document_free (x.cas);
      hearsay_import_fail (error, path, xmlGetLineNo (sofa),
                           _("the sofa has no sofaString: the text is not inside the file"));
      return NULL;
    }
  x.convention = hearsay_import_convention (ctx, NULL, &java);
  x.reader = hearsay_offset_reader_new (x.cas->text, &x.convention);
  x.spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  slot_spans = g_ptr_array_new ();
  ok = read_spans (&x, root, slot_spans, error);
  if (ok)
    {
      read_relations (&x, root);
      read_chains (&x, root);
      read_slots (&x, slot_spans);
      if (x.n_other_views > 0)
        hearsay_import_skip (ctx, path, 0, _("%u annotations of other views than _InitialView are left out"),
                             x.n_other_views);
      if (x.n_token_relations > 0)
        hearsay_import_skip (ctx, path, 0,
                             _("%u relations or slots join tokens or structures that are not annotations; "
                               "they are left out"), x.n_token_relations);
    }
  for (guint i = 0; i < slot_spans->len; i += 3)
    {
      g_free (g_ptr_array_index (slot_spans, i + 1));
      g_strfreev (g_ptr_array_index (slot_spans, i + 2));
    }
  hearsay_offset_reader_free (x.reader);
  g_hash_table_unref (x.spans);
  g_hash_table_unref (x.by_id);
  g_free (x.sofa_id);
  if (!ok)
    {
      hearsay_cas_document_free (x.cas);
      return NULL;
    }
  return x.cas;
}

gboolean
hearsay_import_xmi_unit (HearsayImportContext  *ctx,
                         const char            *path,
                         GError               **error)
{
  return hearsay_import_cas_unit (ctx, path, ".xmi", hearsay_import_xmi_parse, error);
}
