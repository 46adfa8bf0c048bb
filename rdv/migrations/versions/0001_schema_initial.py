"""Schéma initial du service de rendez-vous (lieux, créneaux, places, rendez-vous, résumés,
SMS sortants, agents). Écrit pour SQLite et PostgreSQL ; dates stockées en UTC.

Revision ID: 0001
Revises: 
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# JSONB sous PostgreSQL, JSON (texte) sous SQLite.
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('lieu',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cle', sa.String(length=64), nullable=False),
    sa.Column('nom', sa.String(length=300), nullable=False),
    sa.Column('nom_court', sa.String(length=80), nullable=False),
    sa.Column('categorie', sa.String(length=10), nullable=False),
    sa.Column('type', sa.String(length=200), nullable=False),
    sa.Column('adresse', sa.String(length=300), nullable=False),
    sa.Column('arrondissement', sa.Integer(), nullable=True),
    sa.Column('arrondissement_libelle', sa.String(length=100), nullable=False),
    sa.Column('horaires', sa.Text(), nullable=False),
    sa.Column('telephone', sa.String(length=200), nullable=False),
    sa.Column('accessibilite', sa.Text(), nullable=False),
    sa.Column('public', sa.Text(), nullable=False),
    sa.Column('verifie', sa.Boolean(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('date_source', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('actif', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lieu')),
    sa.UniqueConstraint('cle', name=op.f('uq_lieu_cle'))
    )
    with op.batch_alter_table('lieu', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lieu_arrondissement'), ['arrondissement'], unique=False)

    op.create_table('agent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nom', sa.String(length=200), nullable=False),
    sa.Column('jeton_hash', sa.String(length=64), nullable=False),
    sa.Column('lieu_id', sa.Integer(), nullable=True),
    sa.Column('actif', sa.Boolean(), nullable=False),
    sa.Column('cree_le', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['lieu_id'], ['lieu.id'], name=op.f('fk_agent_lieu_id_lieu'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agent')),
    sa.UniqueConstraint('jeton_hash', name=op.f('uq_agent_jeton_hash'))
    )
    op.create_table('creneau',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lieu_id', sa.Integer(), nullable=False),
    sa.Column('debut', sa.DateTime(timezone=True), nullable=False),
    sa.Column('fin', sa.DateTime(timezone=True), nullable=False),
    sa.Column('capacite', sa.Integer(), nullable=False),
    sa.Column('bloque', sa.Boolean(), nullable=False),
    sa.Column('cree_le', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('capacite >= 1', name=op.f('ck_creneau_capacite_positive')),
    sa.CheckConstraint('fin > debut', name=op.f('ck_creneau_fin_apres_debut')),
    sa.ForeignKeyConstraint(['lieu_id'], ['lieu.id'], name=op.f('fk_creneau_lieu_id_lieu'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_creneau')),
    sa.UniqueConstraint('lieu_id', 'debut', name=op.f('uq_creneau_lieu_id_debut'))
    )
    with op.batch_alter_table('creneau', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_creneau_debut'), ['debut'], unique=False)

    op.create_table('place_creneau',
    sa.Column('creneau_id', sa.Integer(), nullable=False),
    sa.Column('numero', sa.Integer(), nullable=False),
    sa.CheckConstraint('numero >= 0', name=op.f('ck_place_creneau_numero_positif')),
    sa.ForeignKeyConstraint(['creneau_id'], ['creneau.id'], name=op.f('fk_place_creneau_creneau_id_creneau'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('creneau_id', 'numero', name=op.f('pk_place_creneau'))
    )
    op.create_table('rendez_vous',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=7), nullable=False),
    sa.Column('creneau_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.Integer(), nullable=False),
    sa.Column('telephone', sa.String(length=16), nullable=True),
    sa.Column('canal', sa.String(length=20), nullable=False),
    sa.Column('langue', sa.String(length=8), nullable=False),
    sa.Column('statut', sa.String(length=10), nullable=False),
    sa.Column('expediteur', sa.String(length=128), nullable=True),
    sa.Column('pieces', JSON, nullable=True),
    sa.Column('cree_le', sa.DateTime(timezone=True), nullable=False),
    sa.Column('modifie_le', sa.DateTime(timezone=True), nullable=False),
    sa.Column('annule_le', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("statut IN ('reserve', 'annule', 'honore', 'absent')", name=op.f('ck_rendez_vous_statut_valide')),
    sa.ForeignKeyConstraint(['creneau_id', 'place'], ['place_creneau.creneau_id', 'place_creneau.numero'], name=op.f('fk_rendez_vous_creneau_id_place_place_creneau'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['creneau_id'], ['creneau.id'], name=op.f('fk_rendez_vous_creneau_id_creneau'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rendez_vous')),
    sa.UniqueConstraint('code', name=op.f('uq_rendez_vous_code'))
    )
    with op.batch_alter_table('rendez_vous', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rendez_vous_creneau_id'), ['creneau_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rendez_vous_expediteur'), ['expediteur'], unique=False)
        batch_op.create_index('uq_rendez_vous_place_active', ['creneau_id', 'place'], unique=True, sqlite_where=sa.text("statut <> 'annule'"), postgresql_where=sa.text("statut <> 'annule'"))

    op.create_table('resume',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rendez_vous_id', sa.Integer(), nullable=False),
    sa.Column('situation', JSON, nullable=False),
    sa.Column('droits', JSON, nullable=False),
    sa.Column('consenti_le', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['rendez_vous_id'], ['rendez_vous.id'], name=op.f('fk_resume_rendez_vous_id_rendez_vous'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resume')),
    sa.UniqueConstraint('rendez_vous_id', name=op.f('uq_resume_rendez_vous_id'))
    )
    op.create_table('sms_sortant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rendez_vous_id', sa.Integer(), nullable=True),
    sa.Column('creneau_id', sa.Integer(), nullable=True),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('destinataire', sa.String(length=16), nullable=False),
    sa.Column('texte', sa.String(length=480), nullable=False),
    sa.Column('du_le', sa.DateTime(timezone=True), nullable=False),
    sa.Column('statut', sa.String(length=12), nullable=False),
    sa.Column('tentatives', sa.Integer(), nullable=False),
    sa.Column('id_fournisseur', sa.String(length=64), nullable=True),
    sa.Column('statut_fournisseur', sa.String(length=20), nullable=True),
    sa.Column('erreur', sa.String(length=300), nullable=True),
    sa.Column('envoi_debut_le', sa.DateTime(timezone=True), nullable=True),
    sa.Column('envoye_le', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cree_le', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("statut IN ('en_attente', 'en_cours', 'envoye', 'echec', 'annule')", name=op.f('ck_sms_sortant_statut_valide')),
    sa.CheckConstraint("type IN ('confirmation', 'deplacement', 'annulation', 'rappel_48h', 'rappel_matin')", name=op.f('ck_sms_sortant_type_valide')),
    sa.ForeignKeyConstraint(['creneau_id'], ['creneau.id'], name=op.f('fk_sms_sortant_creneau_id_creneau'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rendez_vous_id'], ['rendez_vous.id'], name=op.f('fk_sms_sortant_rendez_vous_id_rendez_vous'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sms_sortant')),
    sa.UniqueConstraint('rendez_vous_id', 'type', 'creneau_id', name=op.f('uq_sms_sortant_rendez_vous_id_type_creneau_id'))
    )
    with op.batch_alter_table('sms_sortant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sms_sortant_id_fournisseur'), ['id_fournisseur'], unique=False)
        batch_op.create_index('ix_sms_sortant_statut_du_le', ['statut', 'du_le'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('sms_sortant', schema=None) as batch_op:
        batch_op.drop_index('ix_sms_sortant_statut_du_le')
        batch_op.drop_index(batch_op.f('ix_sms_sortant_id_fournisseur'))

    op.drop_table('sms_sortant')
    op.drop_table('resume')
    with op.batch_alter_table('rendez_vous', schema=None) as batch_op:
        batch_op.drop_index('uq_rendez_vous_place_active', sqlite_where=sa.text("statut <> 'annule'"), postgresql_where=sa.text("statut <> 'annule'"))
        batch_op.drop_index(batch_op.f('ix_rendez_vous_expediteur'))
        batch_op.drop_index(batch_op.f('ix_rendez_vous_creneau_id'))

    op.drop_table('rendez_vous')
    op.drop_table('place_creneau')
    with op.batch_alter_table('creneau', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_creneau_debut'))

    op.drop_table('creneau')
    op.drop_table('agent')
    with op.batch_alter_table('lieu', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lieu_arrondissement'))

    op.drop_table('lieu')
