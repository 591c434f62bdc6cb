import type { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { STORED_LEADING_KEYS } from '../functions/shared/evidence-store.js';
import { LISTING_INDEX, LISTING_PK, LISTING_PROJECTION, LISTING_SK } from '../functions/shared/listing.js';

/** The variable every function reads the table name from; set only by the grants below. */
const TABLE_NAME_VARIABLE = 'TABLE_NAME';

/**
 * Item reads and writes on the base table. Named here rather than taken from CDK's
 * grantReadData/grantReadWriteData, which also cover every index (`index/*`): only the
 * functions that query an index are given that index, by name.
 */
const TABLE_READS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const TABLE_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/**
 * The single table: tenant config, dedup keys, the signal archive, investigation
 * records, audit trails and approvals, all keyed `pk`/`sk` with the tenant first.
 *
 * Its removal policy is the deployment's (Causeway's `removalPolicy`, RETAIN by default),
 * because it is the system of record and the audit trail.
 * Functions get the table only through `grantRead`/`grantReadWrite`, which also set
 * `TABLE_NAME`, so a function cannot know the table without being allowed to use it.
 */
export interface InvestigationTableProps {
  readonly removalPolicy: RemovalPolicy;
}

export class InvestigationTable extends Construct {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string, props: InvestigationTableProps) {
    super(scope, id);
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      // Approvals, dedup keys and archived signals expire; readers also treat expired items as absent.
      timeToLiveAttribute: 'expiresAt',
      removalPolicy: props.removalPolicy,
      // The investigations list: a tenant's records newest first, projecting only their small summary.
      globalSecondaryIndexes: [
        {
          indexName: LISTING_INDEX,
          partitionKey: { name: LISTING_PK, type: dynamodb.AttributeType.STRING },
          sortKey: { name: LISTING_SK, type: dynamodb.AttributeType.STRING },
          projectionType: dynamodb.ProjectionType.INCLUDE,
          nonKeyAttributes: [...LISTING_PROJECTION],
        },
      ],
    });
  }

  /** For stages that only look things up (tenant config, policy). */
  grantRead(fn: lambda.Function): void {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: TABLE_READS, resources: [this.table.tableArn] }));
    fn.addEnvironment(TABLE_NAME_VARIABLE, this.table.tableName);
  }

  /**
   * Reads of records, audit trails and the list index only: GetItem and Query, no Scan
   * and no batch reads, for the read API and the explorer, which face the internet.
   */
  grantInvestigationReads(fn: lambda.Function): void {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: [this.table.tableArn, `${this.table.tableArn}/index/${LISTING_INDEX}`] }));
    fn.addEnvironment(TABLE_NAME_VARIABLE, this.table.tableName);
  }

  /** Redeeming a single-use explorer login code deletes it; only items keyed `TENANT#…#LOGIN#…` can be deleted. */
  grantLoginCodeRedemption(fn: lambda.Function): void {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:DeleteItem'],
        resources: [this.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['TENANT#*#LOGIN#*'] } },
      }),
    );
  }

  /**
   * The claim check's items only (`TENANT#*#EVIDENCE#*` partitions, see
   * functions/shared/evidence-store.ts): providers store their results (`PutItem`), Score
   * reads them and stores the scored evidence (`GetItem` too). Neither can touch a record,
   * an approval or a tenant's config. Reason, Record and Policy read the scored evidence
   * through the table reads they already hold.
   */
  grantStoredValues(fn: lambda.Function, access: 'write' | 'read-write'): void {
    const actions = access === 'write' ? ['dynamodb:PutItem'] : ['dynamodb:PutItem', 'dynamodb:GetItem'];
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions, resources: [this.table.tableArn], conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [STORED_LEADING_KEYS] } } }),
    );
    fn.addEnvironment(TABLE_NAME_VARIABLE, this.table.tableName);
  }

  /** For stages that archive, record, audit or settle approvals. */
  grantReadWrite(fn: lambda.Function): void {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: [...TABLE_READS, ...TABLE_WRITES], resources: [this.table.tableArn] }));
    fn.addEnvironment(TABLE_NAME_VARIABLE, this.table.tableName);
  }
}
