/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-backend.c: the PostgreSQL backend's table of calls
 * (hearsay-store-backend-private.h). A new store call gets its line here. */
#include "config.h"

#include "hearsay-pg-private.h"

static const HearsayStoreBackend pg_backend = {
  .name = "postgresql",

  .close = hearsay_pg_close,
  .begin = hearsay_pg_begin,
  .commit = hearsay_pg_commit,
  .rollback = hearsay_pg_rollback,
  .mark = hearsay_pg_mark,
  .rollback_to_mark = hearsay_pg_rollback_to_mark,
  .release_mark = hearsay_pg_release_mark,
  .defer_search_index = hearsay_pg_defer_search_index,
  .backup = hearsay_pg_backup,

  .get_meta = hearsay_pg_get_meta,
  .set_meta = hearsay_pg_set_meta,
  .get_scheme_json = hearsay_pg_get_scheme_json,
  .set_scheme_json = hearsay_pg_set_scheme_json,

  .insert_document = hearsay_pg_insert_document,
  .update_document = hearsay_pg_update_document,
  .delete_document = hearsay_pg_delete_document,
  .list_documents = hearsay_pg_list_documents,
  .load_document = hearsay_pg_load_document,
  .foreach_document = hearsay_pg_foreach_document,
  .count_documents = hearsay_pg_count_documents,

  .insert_annotation = hearsay_pg_insert_annotation,
  .delete_annotation = hearsay_pg_delete_annotation,
  .load_annotation = hearsay_pg_load_annotation,
  .list_annotations = hearsay_pg_list_annotations,
  .set_attribute = hearsay_pg_set_attribute,
  .set_note = hearsay_pg_set_note,
  .set_label = hearsay_pg_set_label,
  .count_annotations = hearsay_pg_count_annotations,
  .replace_fragments = hearsay_pg_replace_fragments,
  .list_used_labels = hearsay_pg_list_used_labels,
  .list_label_annotations = hearsay_pg_list_label_annotations,
  .search_annotations = hearsay_pg_search_annotations,
  .list_spans = hearsay_pg_list_spans,

  .insert_relation = hearsay_pg_insert_relation,
  .list_relations = hearsay_pg_list_relations,
  .list_annotation_relations = hearsay_pg_list_annotation_relations,
  .load_relation = hearsay_pg_load_relation,
  .delete_relation = hearsay_pg_delete_relation,

  .insert_entity = hearsay_pg_insert_entity,
  .update_entity = hearsay_pg_update_entity,
  .delete_entity = hearsay_pg_delete_entity,
  .list_entities = hearsay_pg_list_entities,
  .load_entity = hearsay_pg_load_entity,
  .count_entity_links = hearsay_pg_count_entity_links,

  .history_push = hearsay_pg_history_push,
  .history_peek = hearsay_pg_history_peek,
  .history_mark = hearsay_pg_history_mark,
  .history_lookup = hearsay_pg_history_lookup,
  .history_forget = hearsay_pg_history_forget,

  .save_event = hearsay_pg_save_event,
  .insert_event = hearsay_pg_insert_event,
  .list_event_documents = hearsay_pg_list_event_documents,
  .delete_event = hearsay_pg_delete_event,
  .list_events = hearsay_pg_list_events,
  .set_document_event = hearsay_pg_set_document_event,
  .get_document_event = hearsay_pg_get_document_event,
  .suggest_event_documents = hearsay_pg_suggest_event_documents,

  .search = hearsay_pg_search,
  .filter_documents = hearsay_pg_filter_documents,
  .compare_sums = hearsay_pg_compare_sums,
  .compare_layer_sums = hearsay_pg_compare_layer_sums,

  .list_coders = hearsay_pg_list_coders,
  .save_coder = hearsay_pg_save_coder,
  .read_layers = hearsay_pg_read_layers,
  .list_layer_annotations = hearsay_pg_list_layer_annotations,
  .set_rejected = hearsay_pg_set_rejected,
  .read_team_base = hearsay_pg_read_team_base,
  .write_team_base = hearsay_pg_write_team_base,
  .keep_layers = hearsay_pg_keep_layers,

  .dup_user = hearsay_pg_dup_user,
  .get_role = hearsay_pg_get_role,
  .get_notify_fd = hearsay_pg_get_notify_fd,
  .take_changes = hearsay_pg_take_changes,
  .reconnect = hearsay_pg_reconnect,
  .add_member = hearsay_pg_add_member,
  .remove_member = hearsay_pg_remove_member,
  .list_members = hearsay_pg_list_members,
  .set_blind = hearsay_pg_set_blind,
  .get_blind = hearsay_pg_get_blind,
};

const HearsayStoreBackend *
hearsay_store_pg_backend (void)
{
  return &pg_backend;
}
