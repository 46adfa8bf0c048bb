"""Production (issue 14) : second facteur des rendez-vous (jeton), numéro confirmé par un code SMS,
comptes des professionnels (identifiant, mot de passe), sessions /pro, journal des réservations
faites par un professionnel.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

TYPES_AVANT = "type IN ('confirmation', 'deplacement', 'annulation', 'rappel_48h', 'rappel_matin')"
TYPES_APRES = "type IN ('confirmation', 'deplacement', 'annulation', 'rappel_48h', 'rappel_matin', 'verification')"


def upgrade() -> None:
    with op.batch_alter_table('rendez_vous', schema=None) as b:
        b.add_column(sa.Column('jeton_hash', sa.String(length=64), nullable=True))
        b.add_column(sa.Column('telephone_confirme_le', sa.DateTime(timezone=True), nullable=True))
        b.add_column(sa.Column('verification_hash', sa.String(length=64), nullable=True))
        b.add_column(sa.Column('verification_essais', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('sms_sortant', schema=None) as b:
        b.drop_constraint(b.f('ck_sms_sortant_type_valide'), type_='check')
        b.create_check_constraint('type_valide', sa.text(TYPES_APRES))
    with op.batch_alter_table('agent', schema=None) as b:
        b.add_column(sa.Column('identifiant', sa.String(length=80), nullable=True))
        b.add_column(sa.Column('mot_de_passe_hash', sa.String(length=200), nullable=True))
        b.create_unique_constraint(b.f('uq_agent_identifiant'), ['identifiant'])
    op.create_table('session_pro',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('jeton_hash', sa.String(length=64), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('cree_le', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expire_le', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_session_pro_agent_id_agent'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_pro')),
    sa.UniqueConstraint('jeton_hash', name=op.f('uq_session_pro_jeton_hash'))
    )
    op.create_index(op.f('ix_session_pro_agent_id'), 'session_pro', ['agent_id'], unique=False)
    op.create_table('journal_pro',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('code', sa.String(length=7), nullable=True),
    sa.Column('creneau_id', sa.Integer(), nullable=True),
    sa.Column('le', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_journal_pro_agent_id_agent'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_journal_pro'))
    )
    op.create_index(op.f('ix_journal_pro_agent_id'), 'journal_pro', ['agent_id'], unique=False)
    op.create_index(op.f('ix_journal_pro_le'), 'journal_pro', ['le'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_journal_pro_le'), table_name='journal_pro')
    op.drop_index(op.f('ix_journal_pro_agent_id'), table_name='journal_pro')
    op.drop_table('journal_pro')
    op.drop_index(op.f('ix_session_pro_agent_id'), table_name='session_pro')
    op.drop_table('session_pro')
    with op.batch_alter_table('agent', schema=None) as b:
        b.drop_constraint(b.f('uq_agent_identifiant'), type_='unique')
        b.drop_column('mot_de_passe_hash')
        b.drop_column('identifiant')
    op.execute("DELETE FROM sms_sortant WHERE type = 'verification'")
    with op.batch_alter_table('sms_sortant', schema=None) as b:
        b.drop_constraint(b.f('ck_sms_sortant_type_valide'), type_='check')
        b.create_check_constraint('type_valide', sa.text(TYPES_AVANT))
    with op.batch_alter_table('rendez_vous', schema=None) as b:
        b.drop_column('verification_essais')
        b.drop_column('verification_hash')
        b.drop_column('telephone_confirme_le')
        b.drop_column('jeton_hash')
