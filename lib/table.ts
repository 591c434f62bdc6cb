import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** The variable every function reads the table name from; set only by the grants below. */
const TABLE_NAME_VARIABLE = 'TABLE_NAME';

/**
 * The single table: tenant config, dedup keys, the signal archive, investigation
 * records, audit trails and approvals, all keyed `pk`/`sk` with the tenant first.
 *
 * Retained on stack deletion, because it is the system of record and the audit trail.
 * Functions get the table only through `grantRead`/`grantReadWrite`, which also set
 * `TABLE_NAME`, so a function cannot know the table without being allowed to use it.
 */
export class InvestigationTable extends Construct {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      // Approvals, dedup keys and archived signals expire; readers also treat expired items as absent.
      timeToLiveAttribute: 'expiresAt',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** For stages that only look things up (tenant config, policy). */
  grantRead(fn: lambda.Function): void {
    this.table.grantReadData(fn);
    fn.addEnvironment(TABLE_NAME_VARIABLE, this.table.tableName);
  }

  /** For stages that archive, record, audit or settle approvals. */
  grantReadWrite(fn: lambda.Function): void {
    this.table.grantReadWriteData(fn);
    fn.addEnvironment(TABLE_NAME_VARIABLE, this.table.tableName);
  }
}
