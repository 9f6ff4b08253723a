"""The canvases' URLs: the editor, its parts, versions, exports and sharing."""

from django.urls import path

from .views import cards, comments, editor, exports, history, inline, sharing, structure, versions

app_name = "canvases"
urlpatterns = [
    path("<int:pk>/", editor.canvas_page, name="canvas"),
    path("<int:pk>/board/", editor.board_fragment, name="board"),
    path("<int:pk>/settings/", editor.canvas_settings, name="settings"),
    path("<int:pk>/delete/", editor.canvas_delete, name="delete"),
    path("<int:pk>/portrait/", editor.canvas_portrait, name="portrait"),
    path("<int:pk>/cards/new/", cards.card_new, name="card_new"),
    path("<int:pk>/relations/new/", cards.relation_add, name="relation_add"),
    path("<int:pk>/stages/new/", structure.stage_add, name="stage_add"),
    path("<int:pk>/lanes/new/", structure.lane_add, name="lane_add"),
    path("<int:pk>/cards/add/", inline.card_add, name="card_add"),
    path("<int:pk>/emotion/", inline.emotion_set, name="emotion"),
    path("cards/<int:card_pk>/", cards.card_show, name="card"),
    path("cards/<int:card_pk>/fragment/", inline.card_fragment, name="card_fragment"),
    path("cards/<int:card_pk>/text/", inline.card_text, name="card_text"),
    path("cards/<int:card_pk>/menu/", inline.card_menu, name="card_menu"),
    path("cards/<int:card_pk>/fields/", inline.card_fields, name="card_fields"),
    path("cards/<int:card_pk>/image/", inline.card_image, name="card_image"),
    path("cards/<int:card_pk>/place/", inline.stakeholder_place, name="stakeholder_place"),
    path("cards/<int:card_pk>/edit/", cards.card_edit, name="card_edit"),
    path("cards/<int:card_pk>/move/", cards.card_move, name="card_move"),
    path("cards/<int:card_pk>/delete/", cards.card_delete, name="card_delete"),
    path("cards/<int:card_pk>/evidence/", cards.card_evidence, name="card_evidence"),
    path("links/<int:link_pk>/delete/", cards.link_delete, name="link_delete"),
    path("parts/<str:kind>/<int:pk>/edit/", structure.part_edit, name="part_edit"),
    path("parts/<str:kind>/<int:pk>/move/", structure.part_move, name="part_move"),
    path("parts/<str:kind>/<int:pk>/delete/", structure.part_delete, name="part_delete"),
    path("parts/<str:kind>/<int:pk>/steps/new/", structure.step_add, name="step_add"),
    # live editing: undo, redo, comments
    path("<int:pk>/undo/", history.undo, name="undo"),
    path("<int:pk>/redo/", history.redo, name="redo"),
    path("<int:pk>/comments/", comments.comments, name="comments"),
    path("comments/<int:comment_pk>/resolve/", comments.comment_resolve, name="comment_resolve"),
    # exports (helper)
    path("<int:pk>/export.pdf", exports.export_pdf, name="export_pdf"),
    path("<int:pk>/export.png", exports.export_png, name="export_png"),
    path("<int:pk>/export.svg", exports.export_svg, name="export_svg"),
    path("<int:pk>/export.csv", exports.export_csv, name="export_csv"),
    path("<int:pk>/export.json", exports.export_json, name="export_json"),
    path("import/<int:project_pk>/", exports.import_canvas, name="import"),
    # end of exports (helper)
    # versions and sharing (helper)
    path("<int:pk>/versions/", versions.versions, name="versions"),
    path("<int:pk>/versions/compare/", versions.compare_versions, name="compare"),
    path("<int:pk>/versions/<int:snapshot_pk>/", versions.version, name="version"),
    path("<int:pk>/versions/<int:snapshot_pk>/restore/", versions.restore, name="restore"),
    path("<int:pk>/copy/", versions.copy, name="copy"),
    path("<int:pk>/share/", sharing.share, name="share"),
    path("<int:pk>/share/<int:link_pk>/revoke/", sharing.share_revoke, name="share_revoke"),
    # end of versions and sharing (helper)
]
